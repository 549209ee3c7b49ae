using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.MedecinTraitant;

public class AppariementJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_registered_patient_is_matched_accepted_by_the_GP_and_placed()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        var medecinId = await app.AvecDbAsync(async db =>
        {
            var pro = new Professionnel
            {
                Rpps = "19999990800",
                IdentifiantNational = "819999990800",
                CiviliteExercice = "DR",
                Nom = "LEBRUN",
                Prenom = "Marion",
                NomRecherche = TexteRecherche.Normaliser("LEBRUN Marion"),
                CodeProfession = "10",
                CodeSpecialite = "SM54",
                Source = "Saisie",
                Activites = [new ActiviteProfessionnelle { IdentifiantSite = "S1", Voie = "8 RUE JOYEUSE", CodePostal = "18000", CodeCommune = "18033", LibelleCommune = "Bourges" }],
            };
            db.Professionnels.Add(pro);
            await db.SaveChangesAsync();
            db.CapacitesMedecin.Add(new CapaciteMedecin { ProfessionnelId = pro.Id, NouveauxPatientsParMois = 3, ModifieeLeUtc = maintenant });
            await db.SaveChangesAsync();
            return pro.Id;
        });
        var coordinatrice = await app.CreerUtilisateurAsync(Roles.Coordination);
        var medecin = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = medecinId);

        var coordination = await navigateur.NouvellePageAsync(app);
        await coordination.SeConnecterAsync(coordinatrice.Email!);

        // The Coordination registers the patient on the waiting list.
        await coordination.GotoAsync("/medecin-traitant/inscrire");
        await coordination.GetByLabel("Nom", new() { Exact = true }).FillAsync("Vasseur");
        await coordination.GetByLabel("Prénom").FillAsync("Léonie");
        await coordination.GetByLabel("Date de naissance").FillAsync("1949-02-03");
        await coordination.Locator("#Sexe-F").CheckAsync();
        await coordination.GetByLabel("Téléphone").FillAsync("06 39 98 44 55");
        await coordination.GetByLabel("Commune de résidence").SelectOptionAsync("18205");
        await coordination.Locator("#critere-PLUS_70").CheckAsync();
        await coordination.Locator("#Consentement").CheckAsync();
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Inscrire", Exact = true }).ClickAsync();
        await Expect(coordination.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("VASSEUR");
        var demande = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Nom == "Vasseur" || d.Nom == "VASSEUR").Select(d => new { d.Id, d.Reference }).SingleAsync());
        var page = "/medecin-traitant/demande/" + demande.Id;

        await coordination.GetByRole(AriaRole.Link, new() { Name = "Appariement MT" }).ClickAsync();
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Lancer un appariement" }).ClickAsync();
        var ligne = coordination.Locator($"tr[data-reference='{demande.Reference}']");
        await Expect(ligne).ToContainTextAsync("Dr Marion LEBRUN");
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Envoyer aux médecins" }).ClickAsync();
        await Expect(coordination.GetByRole(AriaRole.Status)).ToContainTextAsync("1 patient(s) proposé(s)");

        var gp = await navigateur.NouvellePageAsync(app);
        await gp.SeConnecterAsync(medecin.Email!);
        await gp.GetByRole(AriaRole.Link, new() { Name = "Patients proposés" }).ClickAsync();
        await Expect(gp.Locator($"tr[data-reference='{demande.Reference}']")).ToContainTextAsync("VASSEUR Léonie");
        await gp.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Expect(gp.GetByRole(AriaRole.Status)).ToContainTextAsync("Patient accepté");
        await Expect(gp.Locator($"tr[data-reference='{demande.Reference}']")).ToContainTextAsync("06 39 98 44 55");

        await coordination.GotoAsync("/medecin-traitant/propositions");
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Confirmer la déclaration" }).ClickAsync();
        await Expect(coordination.GetByRole(AriaRole.Status)).ToContainTextAsync("le patient est placé");

        await coordination.GotoAsync(page);
        await Expect(coordination.Locator("h1 + p")).ToContainTextAsync("Placé");
        var statut = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Id == demande.Id).Select(d => d.Statut).SingleAsync());
        Assert.Equal(StatutsDemandeMt.Placee, statut);
    }
}
