using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.SoinsNonProgrammes;

public class RegulationJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task An_operator_takes_a_request_books_the_first_proposed_slot_and_finds_the_appointment()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsAsync("18033", "18205");
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        await app.AvecDbAsync(async db =>
        {
            var pro = new Professionnel
            {
                Rpps = "19999990700",
                IdentifiantNational = "819999990700",
                CiviliteExercice = "DR",
                Nom = "GARNIER",
                Prenom = "Hugo",
                NomRecherche = TexteRecherche.Normaliser("GARNIER Hugo"),
                CodeProfession = "10",
                Source = "Saisie",
                Activites = [new ActiviteProfessionnelle { IdentifiantSite = "S1", Voie = "3 RUE MOYENNE", CodePostal = "18000", CodeCommune = "18033", LibelleCommune = "Bourges" }],
            };
            db.Professionnels.Add(pro);
            await db.SaveChangesAsync();
            foreach (var heures in new[] { 2, 5 })
            {
                db.CreneauxSnp.Add(new CreneauSnp
                {
                    ProfessionnelId = pro.Id,
                    ActiviteId = pro.Activites[0].Id,
                    DebutUtc = maintenant.AddHours(heures),
                    FinUtc = maintenant.AddHours(heures).AddMinutes(20),
                    CreeLeUtc = maintenant,
                    MisAJourLeUtc = maintenant,
                });
            }
            await db.SaveChangesAsync();
        });
        var operateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var page = await navigateur.NouvellePageAsync(app.AdresseBase);
        await page.SeConnecterAsync(operateur.Email!);

        await page.GetByRole(AriaRole.Link, new() { Name = "Régulation", Exact = true }).ClickAsync();
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("FONTAINE");
        await page.GetByLabel("Prénom").FillAsync("Claire");
        await page.GetByLabel("Date de naissance").FillAsync("1988-07-14");
        await page.GetByLabel("Téléphone").FillAsync("06 11 22 33 44");
        await page.GetByLabel("Commune (nom ou code postal)").FillAsync("18033 Bourges");
        await page.GetByLabel("Motif").FillAsync("Otite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher un créneau" }).ClickAsync();

        // 09:00 UTC + 2 h = 12:00 in Paris.
        var reserver = page.GetByRole(AriaRole.Button, new() { Name = "Réserver le créneau du 23/11/2026 12:00 avec Dr Hugo GARNIER", Exact = true });
        await Expect(reserver).ToBeVisibleAsync();
        await Expect(page.GetByText("même commune").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rendez-vous réservé" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir la réservation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Claire FONTAINE");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dr Hugo GARNIER" })).ToBeVisibleAsync();
        await Expect(page.GetByText("23/11/2026 12:00").First).ToBeVisibleAsync();
    }
}
