using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.SortiesHospitalisation;

public class SortieJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_hospital_opens_a_discharge_plan_a_nurse_accepts_the_care_request_and_the_checklist_completes()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var structure = await app.AjouterStructureAsync("Centre hospitalier de test", "355");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("SOIGNANTE", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var equipeSortie = await app.CreerUtilisateurAsync(Roles.Etablissement, u => u.StructureId = structure);
        var infirmiere = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);

        // The hospital's discharge team opens the plan, then asks for a nurse from it.
        var hopital = await navigateur.NouvellePageAsync(app);
        await hopital.SeConnecterAsync(equipeSortie.Email!);
        await hopital.GetByRole(AriaRole.Link, new() { Name = "Parcours", Exact = true }).ClickAsync();
        await hopital.GetByRole(AriaRole.Link, new() { Name = "Nouveau plan de sortie" }).ClickAsync();
        await hopital.GetByLabel("Nom", new() { Exact = true }).FillAsync("Fictif");
        await hopital.GetByLabel("Prénom").FillAsync("Armand");
        await hopital.GetByLabel("Date de naissance").FillAsync("1944-02-03");
        await hopital.GetByLabel("Commune de résidence (facultatif)").SelectOptionAsync("18033");
        await hopital.GetByLabel("Date de sortie prévue").FillAsync("2026-11-27");
        await hopital.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le plan de sortie" }).ClickAsync();
        await hopital.WaitForURLAsync(new Regex(@"/parcours/sorties/\d+$"));
        var urlPlan = hopital.Url;
        await Expect(hopital.Locator("#checklist")).ToContainTextAsync("0 / 8");

        await hopital.GetByRole(AriaRole.Link, new() { Name = "Demander une prise en charge" }).ClickAsync();
        await Expect(hopital.GetByText("Patient du plan de sortie")).ToContainTextAsync("FICTIF Armand");
        await hopital.GetByLabel("Actes (séparés par des virgules)").FillAsync("pansements, injections");
        await hopital.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Expect(hopital.GetByText("Demande envoyée à 1 membre(s).")).ToBeVisibleAsync();

        // The nurse finds it on her page, without the patient's identity, and accepts it.
        var ide = await navigateur.NouvellePageAsync(app);
        await ide.SeConnecterAsync(infirmiere.Email!);
        await ide.GotoAsync("/parcours/demandes");
        var demande = ide.Locator("#titre-pour-moi ~ div table tbody tr").First;
        await Expect(demande).ToContainTextAsync("pansements, injections");
        await Expect(demande).Not.ToContainTextAsync("FICTIF");
        await demande.GetByRole(AriaRole.Link).First.ClickAsync();
        await ide.GetByRole(AriaRole.Button, new() { Name = "J'accepte cette prise en charge" }).ClickAsync();
        await Expect(ide.Locator("#statut-demande")).ToHaveTextAsync("Acceptée");
        await Expect(ide.GetByText("FICTIF Armand")).ToBeVisibleAsync();

        // Back on the plan, the hospital sees who took it and completes the checklist.
        await hopital.GotoAsync(urlPlan);
        await Expect(hopital.Locator("#demandes-patient")).ToContainTextAsync("Acceptée par Anne SOIGNANTE");
        await Expect(hopital.Locator("#equipe")).ToContainTextAsync("SOIGNANTE");
        var aFaire = hopital.Locator("#checklist").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Marquer .* comme fait$") });
        for (var reste = 8; reste > 0; reste--)
        {
            await Expect(aFaire).ToHaveCountAsync(reste);
            await aFaire.First.ClickAsync();
        }
        await Expect(aFaire).ToHaveCountAsync(0);
        await Expect(hopital.Locator("#checklist")).ToContainTextAsync("8 / 8");
    }
}
