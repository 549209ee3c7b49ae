using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.Securite;

public class PolitiqueContenuJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task The_pages_with_scripts_and_the_API_documentation_work_under_the_content_security_policy()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsAsync("18033", "18205");
        var coordinateur = await app.CreerUtilisateurAsync(Roles.Coordination);
        var page = await navigateur.NouvellePageAsync(app);
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {m.Text}");
            }
        };

        await page.SeConnecterAsync(coordinateur.Email!);
        foreach (var url in new[] { "/territoire", "/snp/suivi", "/medecin-traitant/suivi", "/parcours/demandes/suivi", "/compte/profil" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await page.GotoAsync("/api/docs/index.html");
        await Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("OpenCPTS API");

        Assert.Empty(violations);
    }
}
