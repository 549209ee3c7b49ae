using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Acces;

/// <summary>The three ways into a care team that issue 13 reproduced on the demo, each closed (API and pages).</summary>
public class ReproductionsTests
{
    private static object CorpsSurPlan(long plan) => new { profession = "60", actes = new[] { "pansements" }, communeInsee = "18033", debut = "2026-11-27", planSortieId = plan };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_care_request_on_a_plan_the_caller_does_not_manage_is_refused_as_for_an_unknown_plan_and_nobody_joins_the_team(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var infirmiere = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Infirmiere);
        var autreHopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.AutreHopital);

        var surPlan = await infirmiere.PostAsJsonAsync("/api/parcours/demandes", CorpsSurPlan(o.Plan));
        var surPlanInconnu = await infirmiere.PostAsJsonAsync("/api/parcours/demandes", CorpsSurPlan(987_654));
        var parEtablissement = await autreHopital.PostAsJsonAsync("/api/parcours/demandes", CorpsSurPlan(o.Plan));

        Assert.Equal(HttpStatusCode.BadRequest, surPlan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, parEtablissement.StatusCode);
        var erreur = (await surPlan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("planSortieId").ToString();
        Assert.Equal((await surPlanInconnu.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("planSortieId").ToString(), erreur);
        Assert.Equal(HttpStatusCode.NotFound, (await infirmiere.GetAsync($"/api/parcours/sorties/{o.Plan}")).StatusCode);
        var equipe = await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.PatientParcoursId == o.Patient).ToListAsync());
        Assert.DoesNotContain(equipe, m => m.ProfessionnelId == s.Infirmiere || m.StructureId == s.AutreHopital);
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.CountAsync()));
        Assert.Equal(3, await s.App.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.Ressource == "PlanSortie" && e.PatientId == o.Patient)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_new_request_page_shows_nothing_of_a_plan_the_caller_does_not_manage_and_audits_the_read_for_its_manager(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var hopital = await s.HopitalAsync();

        var refus = await infirmiere.GetAsync($"/parcours/demandes/nouvelle?PlanSortieId={o.Plan}");
        var envoi = await infirmiere.PosterFormulaireAsync("/parcours/demandes/nouvelle", new Dictionary<string, string>
        {
            ["Profession"] = "60",
            ["Actes"] = "pansements",
            ["Commune"] = "18033",
            ["Debut"] = "2026-11-27",
        }, $"/parcours/demandes/nouvelle?PlanSortieId={o.Plan}");
        var lectures = await s.App.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Lecture" && e.Ressource == "PlanSortie" && e.PatientId == o.Patient));
        var gestionnaire = await hopital.PageAsync($"/parcours/demandes/nouvelle?PlanSortieId={o.Plan}");

        Assert.Equal(HttpStatusCode.NotFound, refus.StatusCode);
        Assert.DoesNotContain(AccesObjetsTests.Marqueur, await refus.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, envoi.StatusCode);
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.CountAsync()));
        Assert.Contains(AccesObjetsTests.Marqueur, gestionnaire, StringComparison.Ordinal);
        Assert.Equal(lectures + 1, await s.App.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Lecture" && e.Ressource == "PlanSortie" && e.PatientId == o.Patient)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Typing_the_identity_of_a_patient_one_cannot_see_creates_a_flagged_duplicate_instead_of_joining_his_team(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var medecin = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);
        var autreHopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.AutreHopital);
        var identite = new { nom = "marqueursecret", prenom = "ondine", dateNaissance = "1941-05-12" };

        var demande = await medecin.PostAsJsonAsync("/api/parcours/demandes", new
        {
            profession = "60",
            actes = new[] { "pansements" },
            communeInsee = "18033",
            debut = "2026-11-27",
            patient = identite,
        });
        var plan = await autreHopital.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-28", finess: SceneParcours.FinessAutre, nom: "Marqueursecret", prenom: "Ondine"));
        var page = await (await s.ProAsync(s.Medecin)).PosterFormulaireAsync("/parcours/demandes/nouvelle", new Dictionary<string, string>
        {
            ["Nom"] = "MARQUEURSECRET",
            ["Prenom"] = "Ondine",
            ["DateNaissance"] = "1941-05-12",
            ["Commune"] = "18033",
            ["Profession"] = "60",
            ["Actes"] = "pansements",
            ["Debut"] = "2026-11-27",
        });

        Assert.Equal(HttpStatusCode.Created, demande.StatusCode);
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var patientDemande = (await demande.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetInt64();
        var patientPlan = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetInt64();
        Assert.NotEqual(o.Patient, patientDemande);
        Assert.NotEqual(o.Patient, patientPlan);
        // Two new files, both flagged: the GP's second request (from the page) reuses the file he created and now sees.
        var patients = await s.App.AvecDbAsync(db => db.PatientsParcours.Where(p => p.Id != o.Patient).ToListAsync());
        Assert.Equal(2, patients.Count);
        Assert.Equal(2, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.CountAsync(d => d.PatientParcoursId == patientDemande)));
        Assert.All(patients, p => Assert.Equal(o.Patient, p.DoublonPossibleDeId));
        var equipe = await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.PatientParcoursId == o.Patient).ToListAsync());
        Assert.DoesNotContain(equipe, m => m.ProfessionnelId == s.Medecin || m.StructureId == s.AutreHopital);
        // The creator is the first member of the new file, and that join is audited.
        Assert.True(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patientDemande && m.ProfessionnelId == s.Medecin)));
        Assert.True(await s.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Entree" && e.PatientId == patientDemande)));
        Assert.Equal(HttpStatusCode.NotFound, (await medecin.GetAsync($"/api/parcours/sorties/{o.Plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await s.ProAsync(s.Medecin)).GetAsync($"/parcours/patients/{o.Patient}")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_who_can_see_the_patient_reuses_his_file(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var hopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.Hopital);

        var demande = await hopital.PostAsJsonAsync("/api/parcours/demandes", new
        {
            profession = "70",
            actes = new[] { "rééducation" },
            communeInsee = "18033",
            debut = "2026-11-27",
            patient = new { nom = "MARQUEURSECRET", prenom = "Ondine", dateNaissance = "1941-05-12" },
        });

        Assert.Equal(o.Patient, (await demande.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetInt64());
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.PatientsParcours.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_of_the_profession_who_is_not_a_recipient_neither_reads_nor_accepts_the_request(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var o = await AccesObjetsTests.CreerAsync(s);
        var autre = (await s.App.AjouterAsync(new ProfessionnelBuilder("RETARDATAIRE", "Nina").Femme().Profession("60").ExerceA("18033", "Bourges").MembreDe(s.CptsId)))[0];
        var api = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = autre);
        var page = await s.ProAsync(autre);

        var lecture = await api.GetAsync($"/api/parcours/demandes/{o.Demande}");
        var acceptation = await api.PostAsync($"/api/parcours/demandes/{o.Demande}/acceptation", null);
        var pageDemande = await page.GetAsync($"/parcours/demandes/{o.Demande}");
        var acceptationPage = await page.PosterFormulaireAsync("/parcours/demandes/nouvelle", new Dictionary<string, string>(), $"/parcours/demandes/{o.Demande}?handler=Accepter");

        Assert.Equal(HttpStatusCode.NotFound, lecture.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acceptation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageDemande.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acceptationPage.StatusCode);
        Assert.Equal("Ouverte", await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.Where(d => d.Id == o.Demande).Select(d => d.Statut).SingleAsync()));
        Assert.False(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.ProfessionnelId == autre)));
    }
}
