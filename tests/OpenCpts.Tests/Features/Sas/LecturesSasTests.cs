using System.Net;
using System.Text.Json.Nodes;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.Tests.Features.Sas;

public class LecturesSasTests
{
    private static async Task<(OpenCptsApp App, HttpClient Client, JsonNode Bundle, int Pro, string Idnps)> RechercheAsync(Fournisseur fournisseur)
    {
        var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var builder = new ProfessionnelBuilder("ROUX", "Anne").ExerceA("18033", "Bourges", "0248000002")
            .MembreDe(await app.AjouterCptsAsync("CPTS du Cher", finess: "180000001", telephone: "0248000000"));
        var (pro, site) = await app.AjouterMembreAsync(builder);
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(1)), motif: "Fièvre");
        var client = await app.ClientSasAsync();
        var (_, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", "8" + builder.Rpps));
        return (app, client, bundle, pro, "8" + builder.Rpps);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_resource_of_the_search_can_be_read_by_its_id(Fournisseur fournisseur)
    {
        var (app, client, bundle, _, _) = await RechercheAsync(fournisseur);
        await using var _app = app;

        Assert.Equal(6, bundle.Entrees().Count());
        foreach (var ressource in bundle.Entrees().Select(e => e["resource"]!))
        {
            var (reponse, lue) = await client.GetFhirAsync($"/fhir/{ressource["resourceType"]}/{ressource["id"]}");
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            Assert.Equal("application/fhir+json; charset=utf-8", reponse.TypeContenu());
            Assert.Equal(ressource.ToJsonString(), lue.ToJsonString());
        }
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Practitioners_are_found_by_their_national_identifier(Fournisseur fournisseur)
    {
        var (app, client, _, pro, idnps) = await RechercheAsync(fournisseur);
        await using var _app = app;

        var (reponse, bundle) = await client.GetFhirAsync($"/fhir/Practitioner?identifier={SituationSas.Idnps}|{idnps},{SituationSas.Idnps}|810000000000");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("searchset", (string?)bundle["type"]);
        Assert.Equal(1, (int?)bundle["total"]);
        var praticien = Assert.Single(bundle.Ressources("Practitioner"));
        Assert.Equal(pro.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)praticien["id"]);
        Assert.Equal(idnps, (string?)praticien["identifier"]![0]!["value"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Schedules_are_found_by_their_actor(Fournisseur fournisseur)
    {
        var (app, client, recherche, pro, idnps) = await RechercheAsync(fournisseur);
        await using var _app = app;
        var attendu = recherche.Ressources("Schedule").Single().ToJsonString();

        var (_, parReference) = await client.GetFhirAsync($"/fhir/Schedule?actor=Practitioner/{pro}");
        var (_, parIdentifiant) = await client.GetFhirAsync($"/fhir/Schedule?actor:Practitioner.identifier={SituationSas.Idnps}|{idnps}");

        Assert.Equal(attendu, Assert.Single(parReference.Ressources("Schedule")).ToJsonString());
        Assert.Equal(attendu, Assert.Single(parIdentifiant.Ressources("Schedule")).ToJsonString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_capability_statement_instantiates_the_guide_one(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var guide = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Sas", "Fixtures", "CapabilityStatement-SAS-GestionnaireAgenda-CPTS.json")))!;

        var (reponse, cs) = await app.Client().GetFhirAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("CapabilityStatement", (string?)cs["resourceType"]);
        Assert.Equal("instance", (string?)cs["kind"]);
        Assert.Equal((string?)guide["url"], (string?)cs["instantiates"]![0]);
        Assert.Equal("4.0.1", (string?)cs["fhirVersion"]);
        Assert.Equal(["application/fhir+json"], cs["format"]!.AsArray().Select(f => (string?)f));
        var nos = cs["rest"]![0]!["resource"]!.AsArray().ToDictionary(r => (string)r!["type"]!);
        foreach (var attendue in guide["rest"]![0]!["resource"]!.AsArray())
        {
            var notre = nos[(string)attendue!["type"]!]!;
            Assert.Equal((string?)attendue["profile"], (string?)notre["profile"]);
            Assert.Equal(Liste(attendue["interaction"], "code"), Liste(notre["interaction"], "code"));
            Assert.Equal(Liste(attendue["searchInclude"], null), Liste(notre["searchInclude"], null));
            Assert.All(Liste(attendue["searchParam"], "definition"), d => Assert.Contains(d, Liste(notre["searchParam"], "definition")));
        }
    }

    private static List<string> Liste(JsonNode? tableau, string? propriete) =>
        tableau is null ? [] : [.. tableau.AsArray().Select(e => propriete is null ? (string)e! : (string)e![propriete]!).Order(StringComparer.Ordinal)];
}
