using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.MedecinTraitant;

public class ListeAttenteJourneyTests(Navigateur navigateur)
{
    [Fact]
    public async Task A_patient_registers_on_the_public_form_and_the_Coordination_finds_him_at_his_rank()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        await app.CreerCptsAsync("18033", "18205");
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        await app.AvecDbAsync(async db =>
        {
            var cpts = db.Cpts.First().Id;
            foreach (var (nom, criteres, reference) in new[] { ("DEVANT", CriteresPriorite.Ald | CriteresPriorite.Plus70, "MT-2026-000001"), ("DERRIERE", CriteresPriorite.Aucun, "MT-2026-000002") })
            {
                db.DemandesMedecinTraitant.Add(new DemandeMedecinTraitant
                {
                    Reference = reference,
                    CptsId = cpts,
                    Nom = nom,
                    Prenom = "Test",
                    NomNormalise = DemandeMtValide.NormaliserNom(nom, "Test"),
                    DateNaissance = new DateOnly(1940, 1, 1),
                    Sexe = "M",
                    Telephone = "0639980099",
                    CodeCommune = "18033",
                    Criteres = criteres,
                    InscritLeUtc = maintenant,
                });
            }
            await db.SaveChangesAsync();
        });

        var patient = await navigateur.NouvellePageAsync(app);
        await patient.GotoAsync("/medecin-traitant/inscription");
        await patient.GetByLabel("Nom", new() { Exact = true }).FillAsync("Fontaine");
        await patient.GetByLabel("Prénom").FillAsync("Maëlle");
        await patient.GetByLabel("Date de naissance").FillAsync("1990-04-12");
        await patient.GetByLabel("Féminin").CheckAsync();
        await patient.GetByLabel("Téléphone").FillAsync("06 39 98 00 12");
        await patient.GetByLabel("Commune de résidence").SelectOptionAsync("18205");
        await patient.GetByLabel("Grossesse").CheckAsync();
        await patient.GetByLabel("J'accepte d'être contacté(e)").CheckAsync();
        var question = await patient.GetByText(new Regex(@"Combien font \d+ \+ \d+ \?")).TextContentAsync();
        var m = Regex.Match(question!, @"(\d+) \+ (\d+)");
        var somme = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        await patient.GetByLabel(new Regex("Vérification")).FillAsync(somme.ToString(CultureInfo.InvariantCulture));
        await patient.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(patient.GetByText("Votre demande est enregistrée.")).ToBeVisibleAsync();
        var reference = (await patient.Locator("#reference").TextContentAsync())!.Trim();

        var coordination = await app.CreerUtilisateurAsync(Roles.Coordination);
        var page = await navigateur.NouvellePageAsync(app);
        await page.SeConnecterAsync(coordination.Email!);
        await page.GetByRole(AriaRole.Link, new() { Name = "Médecin traitant", Exact = true }).ClickAsync();

        // ALD + 70 ans (50) first, pregnancy (25) second, no criterion (0) last.
        var lignes = page.Locator("#liste-mt tbody tr");
        await Expect(lignes).ToHaveCountAsync(3);
        await Expect(lignes.Nth(1)).ToHaveAttributeAsync("data-reference", reference);
        await Expect(lignes.Nth(1)).ToContainTextAsync("FONTAINE Maëlle");
        await Expect(lignes.Nth(1)).ToContainTextAsync("Grossesse 25");
        await Expect(lignes.Nth(1)).ToContainTextAsync("Saint-Doulchard");
    }
}
