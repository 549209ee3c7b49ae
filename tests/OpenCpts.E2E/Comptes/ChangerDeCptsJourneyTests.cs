using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.Comptes;

public class ChangerDeCptsJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_nurse_member_of_two_CPTS_switches_from_the_menu_and_lands_on_the_other_one()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsNommeeAsync("CPTS du Pays de Bourges", "18033");
        var vierzon = await app.CreerCptsNommeeAsync("CPTS Vierzon Sologne", "18279");
        var infirmiere = await app.CreerUtilisateurAsync(Roles.Professionnel);
        await app.RattacherAsync(infirmiere.Id, vierzon.Id);
        var page = await navigateur.NouvellePageAsync(app);

        await page.SeConnecterAsync(infirmiere.Email!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CPTS du Pays de Bourges");
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Bourges" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agir dans cette CPTS" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CPTS Vierzon Sologne");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CPTS Vierzon Sologne" })).ToBeVisibleAsync();
    }
}
