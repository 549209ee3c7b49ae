using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Sas;

/// <summary>The SAS platform as a caller of /fhir: its account has role PlateformeSas.</summary>
public static class PlateformeSas
{
    public const string EmailPlateforme = "plateforme@sas.test.invalid";

    /// <param name="parametres">More settings (e.g. <c>OpenCpts:Sas:UrlPlateforme</c>) over <see cref="SituationSas.Parametres"/>.</param>
    public static Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, IReadOnlyDictionary<string, string?>? parametres = null) =>
        OpenCptsApp.DemarrerAsync(fournisseur, parametres: SituationSas.Parametres.Concat(parametres ?? new Dictionary<string, string?>())
            .ToDictionary(p => p.Key, p => p.Value));

    /// <summary>A client with the API token of the SAS platform's account.</summary>
    public static async Task<HttpClient> ClientPlateformeAsync(this OpenCptsApp app)
    {
        var u = await app.CreerUtilisateurAsync(Roles.PlateformeSas, x => { x.Email = EmailPlateforme; x.UserName = EmailPlateforme; });
        var jeton = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(u.Id, "SAS"));
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.Valeur);
        return client;
    }

    public static StringContent Fhir(string json) => new(json, Encoding.UTF8, "application/fhir+json");

    /// <summary>A FrPractitionerRegul as the SAS sends it (invented regulator).</summary>
    public static string Regulateur(string systeme = SituationSas.Idnps, string valeur = "3999990001/77777777", string nom = "Fictif",
        string prenom = "Camille", bool actif = true, string email = "camille.fictif@sas.test.invalid") => $$"""
        {
          "resourceType": "Practitioner",
          "meta": { "source": "urn:oid:1.2.250.1.213.3.6", "profile": ["https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul"] },
          "identifier": [{ "type": { "coding": [{ "system": "http://interopsante.org/fhir/CodeSystem/fr-v2-0203", "code": "{{(systeme == SituationSas.Idnps ? "IDNPS" : "INTRN")}}" }] },
                           "system": "{{systeme}}", "value": "{{valeur}}" }],
          "active": {{(actif ? "true" : "false")}},
          "name": [{ "family": "{{nom}}", "given": ["{{prenom}}"] }],
          "telecom": [{ "system": "email", "value": "{{email}}" }]
        }
        """;
}
