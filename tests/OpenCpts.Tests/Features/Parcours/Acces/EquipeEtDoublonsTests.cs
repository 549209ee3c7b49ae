using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Acces;

/// <summary>Re-broadcast of a care request, possible duplicates and their merge, the care team's history and its audit.</summary>
public class EquipeEtDoublonsTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Re_broadcasting_makes_the_new_matches_recipients_who_are_emailed_and_may_accept(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var nouvelle = (await s.App.AjouterAsync(new ProfessionnelBuilder("RETARDATAIRE", "Nina").Femme().Profession("60").ExerceA("18033", "Bourges")
            .MembreDe(s.CptsId).AvecEmail("nina@example.invalid")))[0];
        var hopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.Hopital);
        var nina = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = nouvelle);
        var medecin = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);

        var parAutre = await medecin.PostAsync($"/api/parcours/demandes/{o.Demande}/rediffusion", null);
        var rediffusion = await hopital.PostAsync($"/api/parcours/demandes/{o.Demande}/rediffusion", null);
        var lecture = await nina.GetAsync($"/api/parcours/demandes/{o.Demande}");
        var acceptation = await nina.PostAsync($"/api/parcours/demandes/{o.Demande}/acceptation", null);

        Assert.Equal(HttpStatusCode.NotFound, parAutre.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rediffusion.StatusCode);
        Assert.Equal(1, (await rediffusion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nouveauxDestinataires").GetInt32());
        Assert.Equal(HttpStatusCode.OK, lecture.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await lecture.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patient").ValueKind);
        Assert.Equal(HttpStatusCode.OK, acceptation.StatusCode);
        var courriel = await s.App.AvecDbAsync(db => db.MessagesSortants.SingleAsync(m => m.Destinataire == "nina@example.invalid"));
        Assert.DoesNotContain(AccesObjetsTests.Marqueur, courriel.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.True(await s.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Rediffusion" && e.PatientId == o.Patient)));
        // Accepting is her explicit join, audited.
        Assert.True(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == o.Patient && m.ProfessionnelId == nouvelle && m.RetireLeUtc == null)));
        Assert.True(await s.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Entree" && e.PatientId == o.Patient && e.Utilisateur.StartsWith("professionnel"))));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_merges_a_possible_duplicate_into_the_existing_file_and_the_merge_is_audited(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var medecin = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);
        var reponse = await medecin.PostAsJsonAsync("/api/parcours/demandes", new
        {
            profession = "60",
            actes = new[] { "injections" },
            communeInsee = "18033",
            debut = "2026-11-27",
            patient = new { nom = "MARQUEURSECRET", prenom = "Ondine", dateNaissance = "1941-05-12" },
        });
        var doublon = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetInt64();
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);

        var accueil = await coordination.PageAsync("/parcours");
        var liste = await coordination.PageAsync("/parcours/patients/doublons");
        var fusion = await coordination.PosterFormulaireAsync("/parcours/patients/doublons", new Dictionary<string, string> { ["doublonId"] = doublon.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/parcours/patients/doublons?handler=Fusionner");

        Assert.Contains("Doublons possibles (1)", accueil, StringComparison.Ordinal);
        Assert.Contains($"data-doublon=\"{doublon}\"", liste, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fusion.StatusCode);
        var patient = await s.App.AvecDbAsync(db => db.PatientsParcours.SingleAsync(p => p.Id == doublon));
        Assert.Equal(o.Patient, patient.FusionneDansId);
        Assert.Equal(2, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.CountAsync(d => d.PatientParcoursId == o.Patient)));
        Assert.True(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == o.Patient && m.ProfessionnelId == s.Medecin && m.RetireLeUtc == null)));
        Assert.False(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == doublon)));
        Assert.Equal(2, await s.App.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Fusion")));
        // Audit entries keyed by the duplicate's id stay where they were.
        Assert.True(await s.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Creation" && e.PatientId == doublon)));
        Assert.DoesNotContain($"data-doublon=\"{doublon}\"", await coordination.PageAsync("/parcours/patients/doublons"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Declaring_a_possible_duplicate_distinct_keeps_both_files(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var autreHopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.AutreHopital);
        var plan = await autreHopital.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-28", finess: SceneParcours.FinessAutre, nom: "MARQUEURSECRET", prenom: "Ondine"));
        var doublon = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetInt64();
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);

        var reponse = await coordination.PosterFormulaireAsync("/parcours/patients/doublons", new Dictionary<string, string> { ["doublonId"] = doublon.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/parcours/patients/doublons?handler=Distincts");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var patient = await s.App.AvecDbAsync(db => db.PatientsParcours.SingleAsync(p => p.Id == doublon));
        Assert.Equal((o.Patient, (long?)null), (patient.DoublonPossibleDeId!.Value, patient.FusionneDansId));
        Assert.NotNull(patient.DoublonTraiteLeUtc);
        Assert.True(await s.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Distincts" && e.PatientId == doublon)));
        Assert.Contains("Doublons possibles (0)", await coordination.PageAsync("/parcours"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Removing_a_member_ends_his_membership_keeps_it_as_history_and_audits_who_and_why(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere, s.Medecin);
        var membre = await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.PatientParcoursId == patient && m.ProfessionnelId == s.Infirmiere).Select(m => m.Id).SingleAsync());
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        Assert.Equal(HttpStatusCode.OK, (await infirmiere.GetAsync($"/parcours/patients/{patient}")).StatusCode);

        var retrait = await coordination.PosterFormulaireAsync($"/parcours/patients/{patient}", new Dictionary<string, string>
        {
            ["membreId"] = membre.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["motif"] = "Fin des soins infirmiers",
        }, $"/parcours/patients/{patient}?handler=RetirerMembre");
        var dossier = await coordination.PageAsync($"/parcours/patients/{patient}");
        var apres = await infirmiere.GetAsync($"/parcours/patients/{patient}");
        var retour = await coordination.PosterFormulaireAsync($"/parcours/patients/{patient}", new Dictionary<string, string>
        {
            ["professionnelId"] = s.Infirmiere.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["role"] = "Reprise des soins",
        }, $"/parcours/patients/{patient}?handler=AjouterMembre");

        Assert.Equal(HttpStatusCode.Redirect, retrait.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apres.StatusCode);
        Assert.Contains("Anciens membres", dossier, StringComparison.Ordinal);
        Assert.Contains("Fin des soins infirmiers", dossier, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retour.StatusCode);
        var lignes = await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.PatientParcoursId == patient && m.ProfessionnelId == s.Infirmiere).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, lignes.Count);
        Assert.Equal(("Fin des soins infirmiers", true, false), (lignes[0].MotifRetrait, lignes[0].RetireLeUtc is not null, lignes[1].RetireLeUtc is not null));
        Assert.StartsWith("coordination", lignes[0].RetirePar, StringComparison.Ordinal);
        var audit = await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.PatientId == patient && (e.Action == "Sortie" || e.Action == "Entree")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Sortie", "Entree"], audit.Select(e => e.Action));
        Assert.Contains("Fin des soins infirmiers", audit[0].Detail, StringComparison.Ordinal);
    }
}
