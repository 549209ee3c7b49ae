using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Sorties;

public class ApiSortiesTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Posting_a_plan_answers_201_with_its_id_the_patient_id_and_the_checklist_which_GET_returns(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var hopital = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.Hopital);

        var reponse = await hopital.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27", finess: null));
        var cree = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        var id = cree.GetProperty("id").GetInt64();
        var lu = await hopital.GetFromJsonAsync<JsonElement>($"/api/parcours/sorties/{id}");

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        Assert.Equal($"/api/parcours/sorties/{id}", reponse.Headers.Location!.OriginalString);
        var patient = await s.App.AvecDbAsync(db => db.PatientsParcours.Select(p => p.Id).SingleAsync());
        Assert.Equal(patient, cree.GetProperty("patientId").GetInt64());
        Assert.Equal(8, cree.GetProperty("elements").GetArrayLength());
        var premier = lu.GetProperty("elements")[0];
        Assert.Equal("Lettre de liaison envoyée au médecin traitant", premier.GetProperty("libelle").GetString());
        Assert.Equal("Établissement", premier.GetProperty("responsable").GetString());
        Assert.Equal("2026-11-27", premier.GetProperty("echeance").GetString());
        Assert.False(premier.GetProperty("fait").GetBoolean());
        Assert.Equal(JsonValueKind.Null, premier.GetProperty("faitLe").ValueKind);
        Assert.Equal("EnPreparation", lu.GetProperty("statut").GetString());
        Assert.Equal(s.Hopital, lu.GetProperty("structureId").GetInt32());
        Assert.Equal("0248000001", lu.GetProperty("contact").GetProperty("telephone").GetString());
        Assert.Contains(await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "PlanSortie").Select(e => new { e.Action, e.PatientId }).ToListAsync()),
            e => e.Action == "Lecture" && e.PatientId == patient);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Posting_the_same_patient_twice_keeps_one_patient_with_two_plans(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var (_, premier) = await s.OuvrirPlanAsync("2026-11-27", "Fictif", "jeanne");
        var (_, second) = await s.OuvrirPlanAsync("2026-12-15");

        Assert.Equal(premier, second);
        Assert.Equal(2, await s.App.AvecDbAsync(db => db.PlansSortie.CountAsync(p => p.PatientParcoursId == premier)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invalid_plan_answers_400_naming_each_invalid_field(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var coordination = await s.ClientApiAsync(Roles.Coordination);

        var reponse = await coordination.PostAsJsonAsync("/api/parcours/sorties", new
        {
            patient = new { nom = "", prenom = "Jeanne", dateNaissance = "12/05/1941", communeInsee = "99999" },
            dateSortiePrevue = "2026-11-20",
            finessStructure = "189999999",
            contact = new { email = "pas-une-adresse", telephone = "12" },
            protocoleId = 4242,
        });

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var erreurs = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var champs = erreurs.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["contact.email", "contact.telephone", "dateSortiePrevue", "finessStructure", "patient.communeInsee", "patient.dateNaissance", "patient.nom", "protocoleId"], champs);
        Assert.Contains("AAAA-MM-JJ", erreurs.GetProperty("patient.dateNaissance")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.PatientsParcours.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_must_name_the_hospital(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var coordination = await s.ClientApiAsync(Roles.Coordination);

        var reponse = await coordination.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27", finess: null));

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var erreurs = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["structureId"], erreurs.EnumerateObject().Select(p => p.Name));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_unknown_plan_answers_404(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var coordination = await s.ClientApiAsync(Roles.Coordination);

        var reponse = await coordination.GetAsync("/api/parcours/sorties/987654");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_coordination_and_establishments_open_plans_and_a_professional_outside_the_team_cannot_read_one(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, _) = await s.OuvrirPlanAsync("2026-11-27");
        var pro = await s.ClientApiAsync(Roles.Professionnel, u => u.ProfessionnelId = s.HorsEquipe);
        var regulation = await s.ClientApiAsync(Roles.Regulation);

        var ouverturePro = await pro.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27"));
        var ouvertureRegulation = await regulation.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27"));
        var lecture = await pro.GetAsync($"/api/parcours/sorties/{plan.ToString(CultureInfo.InvariantCulture)}");

        Assert.Equal(HttpStatusCode.Forbidden, ouverturePro.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ouvertureRegulation.StatusCode);
        // Outside the team, the plan looks unknown.
        Assert.Equal(HttpStatusCode.NotFound, lecture.StatusCode);
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.PlansSortie.CountAsync()));
    }
}
