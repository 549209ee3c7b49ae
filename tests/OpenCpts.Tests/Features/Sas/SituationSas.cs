using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Tests.Features.Sas;

/// <summary>Test data of the SAS interface: CPTS, member professionals and their slots, on a clock of our choosing
/// (the guide's example is in June 2024).</summary>
public static class SituationSas
{
    public const string UrlPublique = "https://cpts.test";
    public const string Idnps = "urn:oid:1.2.250.1.71.4.2.1";

    public static Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, DateTimeOffset maintenant) =>
        OpenCptsApp.DemarrerAsync(fournisseur, parametres: Parametres, depart: maintenant);

    /// <summary>The SAS settings of these tests: settings, not services, so that the tests share a host.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Parametres = new Dictionary<string, string?> { ["OpenCpts:Sas:UrlPublique"] = UrlPublique };

    public static async Task<HttpClient> ClientSasAsync(this OpenCptsApp app) => await app.ClientApiAsync(Roles.PlateformeSas);

    public static Task<int> AjouterCptsAsync(this OpenCptsApp app, string nom, string? finess = null, string? telephone = null) =>
        app.AvecDbAsync(async db =>
        {
            var cpts = new Cpts { Nom = nom, Finess = finess, Telephone = telephone, CreeLeUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            db.Cpts.Add(cpts);
            await db.SaveChangesAsync();
            return cpts.Id;
        });

    /// <summary>A member professional (of the given CPTS) with one practice site; returns (professional id, site id).</summary>
    public static Task<(int Professionnel, int Site)> AjouterMembreAsync(this OpenCptsApp app, ProfessionnelBuilder builder) =>
        app.AvecDbAsync(async db =>
        {
            var p = builder.Build();
            db.Professionnels.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, p.Activites.Count > 0 ? p.Activites[0].Id : 0);
        });

    public static Task<long> AjouterCreneauAsync(this OpenCptsApp app, int professionnelId, int? siteId, DateTimeOffset debut, int minutes = 20,
        string visibilite = Visibilites.Snp, string type = TypesConsultation.Cabinet, string statut = StatutsCreneau.Libre, string? motif = null, bool avecRendezVous = true) =>
        app.AvecDbAsync(async db =>
        {
            var c = new CreneauSnp
            {
                ProfessionnelId = professionnelId,
                ActiviteId = siteId,
                DebutUtc = debut.UtcDateTime,
                FinUtc = debut.UtcDateTime.AddMinutes(minutes),
                Visibilite = visibilite,
                TypeConsultation = type,
                Statut = statut,
                Motif = motif,
                AvecRendezVous = avecRendezVous,
                CreeLeUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                MisAJourLeUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.CreneauxSnp.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>The SAS query, exactly as the guide writes it (the '+' of the offsets left unencoded).</summary>
    public static string RequeteSas(string debut, string fin, params string[] identifiantsNationaux) =>
        "/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization"
        + $"&start=ge{debut}&start=le{fin}&schedule.actor:Practitioner.identifier={string.Join(',', identifiantsNationaux.Select(i => $"{Idnps}|{i}"))}&status=free";

    public static async Task<(HttpResponseMessage Reponse, JsonNode Json)> GetFhirAsync(this HttpClient client, string url)
    {
        var reponse = await client.GetAsync(url);
        var texte = await reponse.Content.ReadAsStringAsync();
        return (reponse, JsonNode.Parse(texte)!);
    }

    public static IEnumerable<JsonNode> Entrees(this JsonNode bundle) => bundle["entry"]?.AsArray().Select(e => e!) ?? [];

    public static IEnumerable<JsonNode> Ressources(this JsonNode bundle, string type) =>
        bundle.Entrees().Select(e => e["resource"]!).Where(r => (string?)r["resourceType"] == type);

    public static string? TypeContenu(this HttpResponseMessage reponse) => reponse.Content.Headers.ContentType?.ToString();

    public static void AssertOperationOutcome(HttpResponseMessage reponse, JsonNode json, System.Net.HttpStatusCode statut, params string[] codes)
    {
        Assert.Equal(statut, reponse.StatusCode);
        Assert.Equal("application/fhir+json; charset=utf-8", reponse.TypeContenu());
        Assert.Equal("OperationOutcome", (string?)json["resourceType"]);
        var issue = json["issue"]![0]!;
        Assert.Equal("error", (string?)issue["severity"]);
        Assert.Contains((string?)issue["code"], codes);
        Assert.False(string.IsNullOrWhiteSpace((string?)issue["diagnostics"]));
    }

    public static MediaTypeWithQualityHeaderValue Accept(string type) => new(type);

    public static JsonSerializerOptions Fhir => ReponsesFhir.Json;
}
