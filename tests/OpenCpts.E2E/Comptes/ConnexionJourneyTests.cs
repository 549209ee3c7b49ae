using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.Comptes;

public class ConnexionJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_coordinator_signs_in_and_lands_on_the_dashboard_of_his_CPTS()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsAsync("18033", "18205");
        var coordinateur = await app.CreerUtilisateurAsync(Roles.Coordination);
        var page = await navigateur.NouvellePageAsync(app);

        await page.SeConnecterAsync(coordinateur.Email!);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CPTS de test");
        await Expect(page.GetByText("habitants")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_visitor_on_the_sign_in_page_with_a_french_message()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var page = await navigateur.NouvellePageAsync(app);

        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(utilisateur.Email!);
        await page.GetByLabel("Mot de passe").FillAsync("Mauvais-mot-de-passe-1!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Adresse e-mail ou mot de passe incorrect");
    }
}
