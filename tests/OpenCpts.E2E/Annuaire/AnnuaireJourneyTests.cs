using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.Annuaire;

public class AnnuaireJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_regulation_operator_finds_a_nurse_without_typing_accents_and_opens_her_page()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsAsync("18033", "18141");
        await app.AvecDbAsync(async db =>
        {
            db.Professionnels.AddRange(
                Infirmier("19999990654", "D'ALÈNE-ÉTIÉVANT", "MARIE-HÉLÈNE", "18141", "Mehun-sur-Yèvre", "0261911654"),
                Infirmier("19999990662", "BROVALLET", "ANNE", "18033", "Bourges", "0261911662"));
            await db.SaveChangesAsync();
        });
        var operateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var page = await navigateur.NouvellePageAsync(app);
        await page.SeConnecterAsync(operateur.Email!);

        await page.GetByRole(AriaRole.Link, new() { Name = "Annuaire", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Nom ou numéro RPPS").FillAsync("dalene etievant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        var lien = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("D'ALÈNE-ÉTIÉVANT", System.Text.RegularExpressions.RegexOptions.IgnoreCase) });
        await Expect(lien.First).ToBeVisibleAsync();
        await Expect(page.GetByText("BROVALLET")).ToHaveCountAsync(0);
        await lien.First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/annuaire/professionnels/19999990654$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("D'ALÈNE-ÉTIÉVANT", new() { IgnoreCase = true });
        await Expect(page.GetByText("Mehun-sur-Yèvre").First).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='tel:0261911654']").First).ToBeVisibleAsync();
    }

    private static Professionnel Infirmier(string rpps, string nom, string prenom, string commune, string libelleCommune, string telephone) => new()
    {
        Rpps = rpps,
        IdentifiantNational = "8" + rpps,
        Civilite = "MME",
        Nom = nom,
        Prenom = prenom,
        NomRecherche = TexteRecherche.Normaliser(nom + " " + prenom),
        CodeProfession = "60",
        Source = "RPPS",
        Activites =
        [
            new ActiviteProfessionnelle
            {
                IdentifiantSite = "C" + rpps + "00",
                ModeExercice = "L",
                SecteurActivite = "SA07",
                Voie = "5 RUE DES LILAS",
                CodePostal = commune == "18033" ? "18000" : "18500",
                CodeCommune = commune,
                LibelleCommune = libelleCommune,
                Telephone = telephone,
            },
        ],
    };
}
