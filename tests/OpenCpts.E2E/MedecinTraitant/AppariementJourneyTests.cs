using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant;
using OpenCpts.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.MedecinTraitant;

public class AppariementJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task The_Coordination_matches_a_waiting_patient_the_GP_accepts_and_the_patient_is_placed()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        var (medecinId, demandeId) = await app.AvecDbAsync(async db =>
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
            var demande = new DemandeMedecinTraitant
            {
                Reference = "MT-E2E-000001",
                CptsId = cpts.Id,
                Nom = "VASSEUR",
                Prenom = "Léonie",
                NomNormalise = TexteRecherche.Normaliser("VASSEUR Léonie"),
                DateNaissance = new DateOnly(1949, 2, 3),
                Sexe = "F",
                Telephone = "0639984455",
                CodeCommune = "18205",
                Criteres = CriteresPriorite.Plus70,
                ConsentementContact = true,
                InscritLeUtc = maintenant.AddDays(-40),
            };
            db.DemandesMedecinTraitant.Add(demande);
            await db.SaveChangesAsync();
            return (pro.Id, demande.Id);
        });
        var coordinatrice = await app.CreerUtilisateurAsync(Roles.Coordination);
        var medecin = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = medecinId);

        var coordination = await navigateur.NouvellePageAsync(app.AdresseBase);
        await coordination.SeConnecterAsync(coordinatrice.Email!);
        await coordination.GetByRole(AriaRole.Link, new() { Name = "Appariement MT" }).ClickAsync();
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Lancer un appariement" }).ClickAsync();
        var ligne = coordination.Locator("tr[data-reference='MT-E2E-000001']");
        await Expect(ligne).ToContainTextAsync("Dr Marion LEBRUN");
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Envoyer aux médecins" }).ClickAsync();
        await Expect(coordination.GetByRole(AriaRole.Status)).ToContainTextAsync("1 patient(s) proposé(s)");

        var gp = await navigateur.NouvellePageAsync(app.AdresseBase);
        await gp.SeConnecterAsync(medecin.Email!);
        await gp.GetByRole(AriaRole.Link, new() { Name = "Patients proposés" }).ClickAsync();
        await Expect(gp.Locator("tr[data-reference='MT-E2E-000001']")).ToContainTextAsync("VASSEUR Léonie");
        await gp.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Expect(gp.GetByRole(AriaRole.Status)).ToContainTextAsync("Patient accepté");
        await Expect(gp.Locator("tr[data-reference='MT-E2E-000001']")).ToContainTextAsync("06 39 98 44 55");

        await coordination.GotoAsync("/medecin-traitant/propositions");
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Confirmer la déclaration" }).ClickAsync();
        await Expect(coordination.GetByRole(AriaRole.Status)).ToContainTextAsync("le patient est placé");

        var statut = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Id == demandeId).Select(d => d.Statut).SingleAsync());
        Assert.Equal("Placé", StatutsDemandeMt.Libelle(statut));
    }
}
