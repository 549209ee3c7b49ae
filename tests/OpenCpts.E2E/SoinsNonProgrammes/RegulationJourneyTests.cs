using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.SoinsNonProgrammes;

public class RegulationJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task An_operator_books_the_first_proposed_slot_and_the_professional_sees_it_on_his_page()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsAsync("18033", "18205");
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        var garnier = 0;
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
            garnier = pro.Id;
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
        var page = await navigateur.NouvellePageAsync(app);
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

        var professionnel = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = garnier);
        var pagePro = await navigateur.NouvellePageAsync(app);
        await pagePro.SeConnecterAsync(professionnel.Email!);
        await pagePro.GotoAsync("/snp/mes-rendez-vous");
        var ligne = pagePro.GetByRole(AriaRole.Row).Filter(new() { HasText = "Claire FONTAINE" });
        await Expect(ligne).ToContainTextAsync("12:00");
        await Expect(ligne).ToContainTextAsync("Otite");
    }

    [Fact]
    public async Task An_operator_sends_a_surnumeraire_request_the_professional_accepts_it_and_the_operator_sees_it_answered()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var proId = await app.AvecDbAsync(async db =>
        {
            var pro = new Professionnel
            {
                Rpps = "19999990800",
                IdentifiantNational = "819999990800",
                CiviliteExercice = "DR",
                Nom = "MERCIER",
                Prenom = "Anne",
                NomRecherche = TexteRecherche.Normaliser("MERCIER Anne"),
                CodeProfession = "10",
                Source = "Saisie",
                Activites = [new ActiviteProfessionnelle { IdentifiantSite = "S1", Voie = "5 RUE MOYENNE", CodePostal = "18000", CodeCommune = "18033", LibelleCommune = "Bourges" }],
                Adhesions = [new Adhesion { CptsId = cpts.Id, DepuisLe = new DateOnly(2026, 1, 5) }],
            };
            db.Professionnels.Add(pro);
            await db.SaveChangesAsync();
            return pro.Id;
        });
        var operateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var professionnel = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = proId);
        var page = await navigateur.NouvellePageAsync(app);
        await page.SeConnecterAsync(operateur.Email!);

        await page.GotoAsync("/snp/regulation");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("VASSEUR");
        await page.GetByLabel("Prénom").FillAsync("Marc");
        await page.GetByLabel("Date de naissance").FillAsync("1979-02-11");
        await page.GetByLabel("Téléphone").FillAsync("06 39 98 12 34");
        await page.GetByLabel("Commune (nom ou code postal)").FillAsync("18033 Bourges");
        await page.GetByLabel("Motif").FillAsync("Plaie de l'avant-bras");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher un créneau" }).ClickAsync();
        await page.GetByLabel("Dr Anne MERCIER", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande en surnuméraire" }).ClickAsync();
        var invitations = page.GetByRole(AriaRole.Region, new() { Name = "Invitations en surnuméraire" });
        await Expect(invitations).ToContainTextAsync("En attente");

        var pagePro = await navigateur.NouvellePageAsync(app);
        await pagePro.SeConnecterAsync(professionnel.Email!);
        await pagePro.GotoAsync("/snp/mes-rendez-vous");
        await Expect(pagePro.GetByText("Plaie de l'avant-bras")).ToBeVisibleAsync();
        // The platform clock is 2026-11-23 09:00 UTC (10:00 in Paris); a same-day request.
        await pagePro.GetByLabel("Heure du rendez-vous").FillAsync("2026-11-23T15:00");
        await pagePro.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Expect(pagePro.GetByText("le rendez-vous est pris")).ToBeVisibleAsync();
        await Expect(pagePro.GetByRole(AriaRole.Row).Filter(new() { HasText = "Marc VASSEUR" })).ToContainTextAsync("15:00");

        await page.ReloadAsync();
        await Expect(invitations).ToContainTextAsync("Acceptée");
        await Expect(invitations).ToContainTextAsync("23/11/2026 15:00");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rendez-vous réservé" })).ToBeVisibleAsync();
    }
}
