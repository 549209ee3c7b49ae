using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Equipe;

public class ApiAuditTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_audit_api_lists_the_entries_of_that_patient_only_newest_first(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var autre = await s.PatientAsync(consentement: true, s.Medecin);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        await infirmiere.PageAsync($"/parcours/patients/{patient}");
        s.App.Horloge.Advance(TimeSpan.FromMinutes(5));
        await (await s.ProAsync(s.HorsEquipe)).GetAsync($"/parcours/patients/{patient}");
        await (await s.ProAsync(s.Medecin)).PageAsync($"/parcours/patients/{autre}");
        var coordination = await s.ClientApiAsync(Roles.Coordination);

        var entrees = await coordination.GetFromJsonAsync<JsonElement>($"/api/audit?patientId={patient}");

        var lignes = entrees.GetProperty("items").EnumerateArray().Select(e => (
            e.GetProperty("horodatage").GetString(), e.GetProperty("action").GetString(), e.GetProperty("ressource").GetString(), e.GetProperty("ressourceId").GetString()))
            .ToList();
        Assert.Equal(
            [("2026-11-23T09:05:00Z", "Refus", "DossierPatient", patient.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("2026-11-23T09:00:00Z", "Lecture", "FilEquipe", patient.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("2026-11-23T09:00:00Z", "Lecture", "DossierPatient", patient.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            lignes);
        Assert.StartsWith("professionnel", entrees.GetProperty("items")[0].GetProperty("utilisateur").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/parcours/patients/{patient}", entrees.GetProperty("items")[0].GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_audit_api_is_for_the_coordination_only_and_wants_a_patient_id(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var coordination = await s.ClientApiAsync(Roles.Coordination);

        foreach (var role in new[] { Roles.Professionnel, Roles.Etablissement, Roles.Regulation, Roles.Bureau })
        {
            var client = await s.ClientApiAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/audit?patientId={patient}")).StatusCode);
        }
        var sansId = await coordination.GetAsync("/api/audit");
        var invalide = await coordination.GetAsync("/api/audit?patientId=abc");

        Assert.Equal(HttpStatusCode.BadRequest, sansId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalide.StatusCode);
        Assert.True((await invalide.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("patientId", out var champ) && champ.GetArrayLength() == 1);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_audit_page_filters_by_patient(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var autre = await s.PatientAsync(consentement: true, s.Medecin);
        await (await s.ProAsync(s.Infirmiere)).PageAsync($"/parcours/patients/{patient}");
        await (await s.ProAsync(s.Medecin)).PageAsync($"/parcours/patients/{autre}");
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);

        var page = await coordination.PageAsync($"/administration/audit?patientId={patient}");
        var csv = await coordination.GetStringAsync($"/administration/audit?handler=Csv&patientId={autre}");

        Assert.Contains($"FilEquipe {patient}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"FilEquipe {autre}", page, StringComparison.Ordinal);
        Assert.Contains($"FilEquipe;{autre}", csv, StringComparison.Ordinal);
        Assert.DoesNotContain($"FilEquipe;{patient}", csv, StringComparison.Ordinal);
    }
}
