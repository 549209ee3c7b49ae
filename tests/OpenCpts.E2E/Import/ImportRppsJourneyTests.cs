using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.Import;

public class ImportRppsJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_coordinator_uploads_the_RPPS_sample_follows_the_progress_and_reads_the_report()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        // The seven communes of the synthetic Cher sample.
        await app.CreerCptsAsync("18033", "18279", "18197", "18205", "18141", "18015", "18242");
        var coordinateur = await app.CreerUtilisateurAsync(Roles.Coordination);
        var page = await navigateur.NouvellePageAsync(app);
        await page.SeConnecterAsync(coordinateur.Email!);

        await page.GotoAsync("/import/rpps");
        await page.GetByLabel("Fichier de l'extraction (.txt)").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample-cher.txt"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

        var rapport = page.Locator(".rapport-import");
        await Expect(rapport).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(rapport.Locator("[data-compte=lues]")).ToHaveTextAsync("65");
        await Expect(rapport.Locator("[data-compte=rejetees]")).ToHaveTextAsync("0");
        await Expect(rapport.Locator("[data-compte=creees]")).Not.ToHaveTextAsync("0");

        // The imported professionals are in the directory straight away.
        await page.GotoAsync("/annuaire?q=quevraudier");
        await Expect(page.GetByText("QUEVRAUDIER", new() { Exact = false }).First).ToBeVisibleAsync();
    }
}
