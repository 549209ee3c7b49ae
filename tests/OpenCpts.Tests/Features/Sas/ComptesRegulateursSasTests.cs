using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.Tests.Features.Sas;

public class ComptesRegulateursSasTests
{
    private const string SystemeSas = "urn:oid:1.2.250.1.213.3.6";

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_regulator_pushed_by_the_SAS_is_created_with_201_and_its_location(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();

        var reponse = await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur()));

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        var json = JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!;
        Assert.Equal($"{SituationSas.UrlPublique}/fhir/Practitioner/{(string?)json["id"]}", reponse.Headers.Location?.ToString());
        var compte = await app.AvecDbAsync(db => db.ComptesRegulateursSas.SingleAsync());
        Assert.Equal(("3999990001/77777777", null, "Fictif", "Camille", "camille.fictif@sas.test.invalid", true),
            (compte.IdentifiantNational, compte.IdentifiantSas, compte.Nom, compte.Prenom, compte.Email, compte.Actif));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_conditional_update_on_the_identifier_updates_the_regulator_with_200(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();
        await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur(SystemeSas, "b6e39355-0000-4000-8000-000000000001")));

        var reponse = await sas.PutAsync($"/fhir/Practitioner?identifier={SystemeSas}|b6e39355-0000-4000-8000-000000000001",
            PlateformeSas.Fhir(PlateformeSas.Regulateur(SystemeSas, "b6e39355-0000-4000-8000-000000000001", nom: "Autrenom", actif: false)));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var compte = await app.AvecDbAsync(db => db.ComptesRegulateursSas.SingleAsync());
        Assert.Equal(("Autrenom", false), (compte.Nom, compte.Actif));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_conditional_update_of_an_unknown_regulator_creates_him(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();

        var reponse = await sas.PutAsync($"/fhir/Practitioner?identifier={SituationSas.Idnps}|3999990001/77777777",
            PlateformeSas.Fhir(PlateformeSas.Regulateur()));

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        Assert.Equal(1, await app.AvecDbAsync(db => db.ComptesRegulateursSas.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_national_id_added_later_is_attached_to_the_account_known_by_its_SAS_id(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();
        var cree = await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur(SystemeSas, "id-technique-1")));
        var id = (string?)JsonNode.Parse(await cree.Content.ReadAsStringAsync())!["id"];

        var reponse = await sas.PutAsync($"/fhir/Practitioner/{id}", PlateformeSas.Fhir(PlateformeSas.Regulateur(SituationSas.Idnps, "3999990001/12121212")));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var compte = await app.AvecDbAsync(db => db.ComptesRegulateursSas.SingleAsync());
        Assert.Equal(("3999990001/12121212", "id-technique-1"), (compte.IdentifiantNational, compte.IdentifiantSas));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_regulator_without_name_is_refused_with_a_400_OperationOutcome(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();

        var reponse = await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur(nom: "")));

        SituationSas.AssertOperationOutcome(reponse, JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!, HttpStatusCode.BadRequest, "invalid");
        Assert.Equal(0, await app.AvecDbAsync(db => db.ComptesRegulateursSas.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_body_that_is_not_FHIR_JSON_is_refused_with_a_400_OperationOutcome(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();

        var reponse = await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir("""{"resourceType":"Practitioner","active":"oui"}"""));

        SituationSas.AssertOperationOutcome(reponse, JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!, HttpStatusCode.BadRequest, "invalid");
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_account_that_is_not_the_SAS_platform_may_not_write_regulators(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var autre = await app.ClientApiAsync(OpenCpts.Web.Features.Comptes.Roles.Regulation);

        var reponse = await autre.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur()));

        SituationSas.AssertOperationOutcome(reponse, JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await app.AvecDbAsync(db => db.ComptesRegulateursSas.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Regulators_do_not_appear_in_the_Practitioner_search_of_the_directory(Fournisseur fournisseur)
    {
        await using var app = await PlateformeSas.DemarrerAsync(fournisseur);
        var sas = await app.ClientPlateformeAsync();
        await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur(valeur: "810002673899")));

        var (reponse, bundle) = await sas.GetFhirAsync($"/fhir/Practitioner?identifier={SituationSas.Idnps}|810002673899");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Empty(bundle.Ressources("Practitioner"));
    }
}
