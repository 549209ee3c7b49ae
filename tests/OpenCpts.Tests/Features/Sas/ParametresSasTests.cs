using System.Net;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.Tests.Features.Sas;

public class ParametresSasTests
{
    private const string Identifiant = "urn:oid:1.2.250.1.71.4.2.1|810002909371";
    private const string Ge = "start=ge2026-11-23T10:00:00.000+01:00";
    private const string Le = "start=le2026-11-26T10:00:00.000+01:00";

    private static readonly (string Cas, string Url)[] RequetesInvalides =
    [
        ("sans start", $"/fhir/Slot?{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("start sans préfixe", $"/fhir/Slot?start=2026-11-23T10:00:00.000+01:00&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("start sans fuseau", $"/fhir/Slot?start=ge2026-11-23T10:00:00.000&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("start sans heure", $"/fhir/Slot?start=ge2026-11-23&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("start préfixe eq", $"/fhir/Slot?start=eq2026-11-23T10:00:00.000+01:00&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("bornes inversées", $"/fhir/Slot?start=ge2026-11-27T10:00:00.000+01:00&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("sans identifiant", $"/fhir/Slot?{Ge}&{Le}&status=free"),
        ("mauvais système", $"/fhir/Slot?{Ge}&{Le}&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.2|810002909371&status=free"),
        ("identifiant sans système", $"/fhir/Slot?{Ge}&{Le}&schedule.actor:Practitioner.identifier=810002909371&status=free"),
        ("26 identifiants", $"/fhir/Slot?{Ge}&{Le}&schedule.actor:Practitioner.identifier={string.Join(',', Enumerable.Range(0, 26).Select(i => $"urn:oid:1.2.250.1.71.4.2.1|8100029093{i:D2}"))}&status=free"),
        ("sans status", $"/fhir/Slot?{Ge}&{Le}&schedule.actor:Practitioner.identifier={Identifiant}"),
        ("status busy", $"/fhir/Slot?{Ge}&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=busy"),
        ("paramètre inconnu", $"/fhir/Slot?{Ge}&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free&_sort=start"),
        ("_include inconnu", $"/fhir/Slot?_include=Slot:patient&{Ge}&{Le}&schedule.actor:Practitioner.identifier={Identifiant}&status=free"),
        ("Practitioner sans identifiant", "/fhir/Practitioner"),
        ("Practitioner mauvais système", "/fhir/Practitioner?identifier=http://example.org|810002909371"),
        ("Schedule sans acteur", "/fhir/Schedule"),
    ];

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_malformed_search_is_a_400_OperationOutcome(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var client = await app.ClientSasAsync();

        foreach (var (cas, url) in RequetesInvalides)
        {
            var (reponse, json) = await client.GetFhirAsync(url);
            try
            {
                SituationSas.AssertOperationOutcome(reponse, json, HttpStatusCode.BadRequest, "invalid", "not-supported");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Cas « {cas} » : {e.Message}", e);
            }
        }
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Unknown_ids_and_types_are_404_OperationOutcomes(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var client = await app.ClientSasAsync();

        foreach (var url in new[] { "/fhir/Slot/999999", "/fhir/Slot/abc", "/fhir/Schedule/1-2", "/fhir/Practitioner/42", "/fhir/PractitionerRole/7",
            "/fhir/HealthcareService/3", "/fhir/Organization/3", "/fhir/Patient/1", "/fhir/Patient" })
        {
            var (reponse, json) = await client.GetFhirAsync(url);
            SituationSas.AssertOperationOutcome(reponse, json, HttpStatusCode.NotFound, "not-found", "not-supported");
        }
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_answer_is_fhir_json_and_xml_is_not_acceptable(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var client = await app.ClientSasAsync();
        var recherche = SituationSas.RequeteSas("2026-11-23T10:00:00.000+01:00", "2026-11-26T10:00:00.000+01:00", "810002909371");

        var ok = await client.GetAsync(recherche);
        var format = await client.GetAsync(recherche + "&_format=json");
        var metadata = await client.GetAsync("/fhir/metadata?_format=application/fhir+json");
        var (xml, jsonXml) = await client.GetFhirAsync(recherche + "&_format=xml");
        using var requete = new HttpRequestMessage(HttpMethod.Get, recherche);
        requete.Headers.Accept.Add(SituationSas.Accept("application/fhir+xml"));
        var acceptXml = await client.SendAsync(requete);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, format.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.All(new[] { ok, format, metadata }, r => Assert.Equal("application/fhir+json; charset=utf-8", r.TypeContenu()));
        SituationSas.AssertOperationOutcome(xml, jsonXml, HttpStatusCode.NotAcceptable, "not-supported");
        Assert.Equal(HttpStatusCode.NotAcceptable, acceptXml.StatusCode);
        Assert.Equal("application/fhir+json; charset=utf-8", acceptXml.TypeContenu());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_a_token_the_search_is_a_401_OperationOutcome_but_metadata_is_public(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var anonyme = app.Client();

        var (reponse, json) = await anonyme.GetFhirAsync(SituationSas.RequeteSas("2026-11-23T10:00:00.000+01:00", "2026-11-26T10:00:00.000+01:00", "810002909371"));
        var metadata = await anonyme.GetAsync("/fhir/metadata");

        SituationSas.AssertOperationOutcome(reponse, json, HttpStatusCode.Unauthorized, "login");
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Writes_are_405_OperationOutcomes(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var client = await app.ClientSasAsync();

        var reponse = await client.DeleteAsync("/fhir/Slot/1");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!;

        SituationSas.AssertOperationOutcome(reponse, json, HttpStatusCode.MethodNotAllowed, "not-supported");
    }
}
