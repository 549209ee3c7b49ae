using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.Sas;

/// <summary>The guide's example situation (Bundle-ExampleBundleCPTS1: Dr Pierre Foret, one public slot on
/// 12 June 2024 16:40–17:00 at 25 chemin de Mounestie, CPTS Axe Majeur) reproduced in our database.</summary>
public class BundleExempleTests
{
    private static readonly DateTimeOffset Maintenant = new(2024, 6, 12, 14, 0, 0, TimeSpan.Zero);

    private static async Task<(OpenCptsApp App, JsonNode Attendu, JsonNode Obtenu, string Texte)> SituationDuGuideAsync(Fournisseur fournisseur)
    {
        var app = await SituationSas.DemarrerAsync(fournisseur, Maintenant);
        var cpts = await app.AjouterCptsAsync("CPTS AXE MAJEUR", finess: "950047225", telephone: "0102030405");
        var builder = new ProfessionnelBuilder("Foret", "Pierre").AvecRpps("10002909371").Docteur().ExerceA("31003", "Aussonne", "0561855977", voie: "25 CHEMIN DE MOUNESTIE").MembreDe(cpts);
        var p = builder.Build();
        p.Activites[0].CodePostal = "31840";
        var (pro, site) = await app.AvecDbAsync(async db =>
        {
            db.Professionnels.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, p.Activites[0].Id);
        });
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2024, 6, 12, 16, 40, 0, TimeSpan.FromHours(2)),
            visibilite: Visibilites.Public, motif: "Visite de contrôle");
        var client = await app.ClientSasAsync();
        var reponse = await client.GetAsync(SituationSas.RequeteSas("2024-06-12T16:20:00.000+02:00", "2024-06-15T16:20:00.000+02:00", "810002909371"));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var texte = await reponse.Content.ReadAsStringAsync();
        var attendu = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Sas", "Fixtures", "Bundle-ExampleBundleCPTS1.json")))!;
        return (app, attendu, JsonNode.Parse(texte)!, texte);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async System.Threading.Tasks.Task The_bundle_has_the_resources_and_search_modes_of_the_guide_example(Fournisseur fournisseur)
    {
        var (app, attendu, obtenu, _) = await SituationDuGuideAsync(fournisseur);
        await using var _app = app;

        Assert.Equal((string?)attendu["type"], (string?)obtenu["type"]);
        Assert.Equal((int?)attendu["total"], (int?)obtenu["total"]);
        Assert.Equal("self", (string?)obtenu["link"]![0]!["relation"]);
        Assert.Equal(Resume(attendu), Resume(obtenu));
        Assert.Equal(Profils(attendu), Profils(obtenu));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async System.Threading.Tasks.Task Every_reference_of_the_bundle_resolves_inside_it(Fournisseur fournisseur)
    {
        var (app, _, obtenu, _) = await SituationDuGuideAsync(fournisseur);
        await using var _app = app;
        var cles = obtenu.Entrees().Select(e => $"{e["resource"]!["resourceType"]}/{e["resource"]!["id"]}").ToHashSet();

        var references = References(obtenu).ToList();

        Assert.Equal(6, references.Count(r => !r.StartsWith('#')));
        Assert.All(references.Where(r => !r.StartsWith('#')), r => Assert.Contains(r, cles));
        var role = obtenu.Ressources("PractitionerRole").Single();
        Assert.Equal("#" + (string?)role["contained"]![0]!["id"], (string?)role["location"]![0]!["reference"]);
        Assert.All(obtenu.Entrees(), e => Assert.EndsWith($"/fhir/{e["resource"]!["resourceType"]}/{e["resource"]!["id"]}", (string?)e["fullUrl"]));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async System.Threading.Tasks.Task The_bundle_carries_the_codes_and_dates_of_the_guide_example(Fournisseur fournisseur)
    {
        var (app, attendu, obtenu, _) = await SituationDuGuideAsync(fournisseur);
        await using var _app = app;
        var slotAttendu = attendu.Ressources("Slot").Single();
        var slot = obtenu.Ressources("Slot").Single();

        Assert.Equal(Codes(slotAttendu["meta"]!["security"]), Codes(slot["meta"]!["security"]));
        Assert.Equal(Codes(slotAttendu["serviceType"]), Codes(slot["serviceType"]));
        Assert.Equal(Textes(slotAttendu["serviceType"]), Textes(slot["serviceType"]));
        Assert.Equal(Codes(slotAttendu["specialty"]), Codes(slot["specialty"]));
        Assert.Equal(Codes(slotAttendu["appointmentType"]), Codes(slot["appointmentType"]));
        Assert.Equal("http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType", (string?)slot["serviceType"]![1]!["extension"]![0]!["url"]);
        Assert.Equal("free", (string?)slot["status"]);
        Assert.Equal("2024-06-12T16:40:00.000+02:00", (string?)slot["start"]);
        Assert.Equal("2024-06-12T17:00:00.000+02:00", (string?)slot["end"]);
        Assert.StartsWith(SituationSas.UrlPublique + "/", (string?)slot["comment"]);

        var praticien = obtenu.Ressources("Practitioner").Single();
        var identifiantAttendu = attendu.Ressources("Practitioner").Single()["identifier"]![0]!;
        Assert.Equal(identifiantAttendu.ToJsonString(), praticien["identifier"]![0]!.ToJsonString());
        Assert.Equal("Foret", (string?)praticien["name"]![0]!["family"]);

        var organisation = obtenu.Ressources("Organization").Single();
        Assert.Equal(attendu.Ressources("Organization").Single()["identifier"]!.ToJsonString(), organisation["identifier"]!.ToJsonString());
        Assert.Equal("+33102030405", (string?)organisation["telecom"]![0]!["value"]);

        var role = obtenu.Ressources("PractitionerRole").Single();
        Assert.Equal("+33561855977", (string?)role["telecom"]![0]!["value"]);
        var adresse = role["contained"]![0]!["address"]!;
        Assert.Equal("25 CHEMIN DE MOUNESTIE", (string?)adresse["line"]![0]);
        Assert.Equal("Aussonne", (string?)adresse["city"]);
        Assert.Equal("31840", (string?)adresse["postalCode"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async System.Threading.Tasks.Task The_bundle_parses_back_with_the_Firely_SDK(Fournisseur fournisseur)
    {
        var (app, _, _, texte) = await SituationDuGuideAsync(fournisseur);
        await using var _app = app;

        var bundle = JsonSerializer.Deserialize<Bundle>(texte, SituationSas.Fhir)!;

        Assert.Equal(6, bundle.Entry.Count);
        var slot = Assert.IsType<Slot>(bundle.Entry[0].Resource);
        Assert.Equal(new DateTimeOffset(2024, 6, 12, 14, 40, 0, TimeSpan.Zero), slot.Start);
        Assert.Equal(Bundle.SearchEntryMode.Match, bundle.Entry[0].Search?.Mode);
    }

    /// <summary>"Slot:match" etc., in order of resource type.</summary>
    private static List<string> Resume(JsonNode bundle) =>
        [.. bundle.Entrees().Select(e => $"{e["resource"]!["resourceType"]}:{e["search"]!["mode"]}").Order(StringComparer.Ordinal)];

    private static List<string> Profils(JsonNode bundle) =>
    [
        .. new[] { (string?)bundle["meta"]!["profile"]![0] }
            .Concat(bundle.Entrees().Select(e => $"{e["resource"]!["resourceType"]} {e["resource"]!["meta"]!["profile"]![0]}"))
            .Concat(bundle.Ressources("PractitionerRole").Select(r => (string?)r["contained"]![0]!["meta"]!["profile"]![0]))
            .Select(p => p!)
            .Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<string> References(JsonNode? noeud)
    {
        switch (noeud)
        {
            case JsonObject objet:
                foreach (var (cle, valeur) in objet)
                {
                    if (cle == "reference" && valeur is JsonValue v)
                    {
                        yield return v.GetValue<string>();
                    }
                    foreach (var r in References(valeur))
                    {
                        yield return r;
                    }
                }
                break;
            case JsonArray tableau:
                foreach (var r in tableau.SelectMany(References))
                {
                    yield return r;
                }
                break;
        }
    }

    /// <summary>Every (system, code) under the node, as "system|code", sorted.</summary>
    private static List<string> Codes(JsonNode? noeud)
    {
        var codes = new List<string>();
        void Parcourir(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                if (o["system"] is JsonValue s && o["code"] is JsonValue c)
                {
                    codes.Add($"{s.GetValue<string>()}|{c.GetValue<string>()}");
                }
                foreach (var (_, v) in o)
                {
                    Parcourir(v);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var v in a)
                {
                    Parcourir(v);
                }
            }
        }
        Parcourir(noeud);
        return [.. codes.Order(StringComparer.Ordinal)];
    }

    private static List<string> Textes(JsonNode? serviceTypes) =>
        [.. serviceTypes!.AsArray().Select(s => (string?)s!["text"]).OfType<string>().Order(StringComparer.Ordinal)];
}
