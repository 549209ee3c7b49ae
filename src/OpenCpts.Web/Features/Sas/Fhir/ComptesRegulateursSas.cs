using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.Sas.Regulateurs;
using OpenCpts.Web.Infrastructure.Fhir;
using Task = System.Threading.Tasks.Task;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>
/// The writes the SAS platform makes on /fhir: regulator accounts (INT_R02) and the sign-in links of its
/// regulators. Only the SAS platform's accounts (role PlateformeSas, or listed in <see cref="OptionsSas.ComptesPlateforme"/>) may call them.
/// </summary>
public static class ComptesRegulateursSas
{
    public static void Mapper(RouteGroupBuilder fhir)
    {
        fhir.MapPost("/Practitioner", (HttpContext http, EnregistrerCompteRegulateur enregistrer) =>
            EcrireAsync(http, enregistrer, new CibleCompteRegulateur()));
        fhir.MapPut("/Practitioner", (HttpContext http, EnregistrerCompteRegulateur enregistrer) =>
        {
            var identifiant = new RequeteFhir(http.Request.QueryString.Value).Valeurs("identifier");
            if (identifiant.Count != 1 || identifiant[0].Split('|') is not [var systeme, var valeur]
                || systeme is not (RessourcesSas.SystemeIdnps or RegulateurSas.SystemeTechniqueSas) || valeur.Length == 0)
            {
                return Task.FromResult<IResult>(ReponsesFhir.Invalide(
                    "La mise à jour conditionnelle attend identifier=urn:oid:1.2.250.1.71.4.2.1|… ou urn:oid:1.2.250.1.213.3.6|….",
                    "The conditional update expects identifier=urn:oid:1.2.250.1.71.4.2.1|… or urn:oid:1.2.250.1.213.3.6|…."));
            }
            return EcrireAsync(http, enregistrer, new CibleCompteRegulateur(Systeme: systeme, Valeur: valeur));
        });
        fhir.MapPost("/Practitioner/$connexion-regulateur", CreerLienAsync);
        fhir.MapPut("/Practitioner/{id}", (string id, HttpContext http, EnregistrerCompteRegulateur enregistrer) =>
            EnregistrerCompteRegulateur.IdDepuis(id) is { } n
                ? EcrireAsync(http, enregistrer, new CibleCompteRegulateur(Id: n))
                : Task.FromResult<IResult>(ReponsesFhir.Introuvable("Practitioner", id)));
    }

    /// <summary>Whether the caller is one of the SAS platform accounts: role PlateformeSas, or listed by e-mail (the name
    /// of its token's account) in <see cref="OptionsSas.ComptesPlateforme"/>.</summary>
    public static bool EstPlateforme(ClaimsPrincipal utilisateur, OptionsSas options) =>
        utilisateur.IsInRole(Features.Comptes.Roles.PlateformeSas)
        || (utilisateur.Identity?.Name is { } nom && options.ComptesPlateforme.Contains(nom, StringComparer.OrdinalIgnoreCase));

    public static IResult Interdit() => ReponsesFhir.Erreur(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
        "Seule la plateforme numérique SAS (rôle PlateformeSas) peut effectuer cette opération.",
        "Only the SAS platform (role PlateformeSas) may perform this operation.");

    /// <summary>Reads the FHIR JSON body as the expected resource type; null with the 400 to return otherwise.</summary>
    public static async Task<(T? Ressource, IResult? Erreur)> LireCorpsAsync<T>(HttpContext http) where T : Resource
    {
        try
        {
            var ressource = await JsonSerializer.DeserializeAsync<Resource>(http.Request.Body, ReponsesFhir.Json, http.RequestAborted);
            return ressource is T attendu
                ? (attendu, null)
                : (null, ReponsesFhir.Invalide($"Le corps doit être une ressource {typeof(T).Name}.", $"The body must be a {typeof(T).Name} resource."));
        }
        catch (Exception e) when (e is JsonException or Hl7.Fhir.Serialization.DeserializationFailedException or FormatException)
        {
            return (null, ReponsesFhir.Invalide($"Corps FHIR JSON illisible : {e.Message}", $"Unreadable FHIR JSON body: {e.Message}"));
        }
    }

    /// <summary>
    /// <c>POST /fhir/Practitioner/$connexion-regulateur</c> with a Parameters: <c>identifier</c> (valueIdentifier, the
    /// regulator's national or SAS id) and <c>slot</c> (valueReference Slot/{id}). Answers a Parameters with
    /// <c>url</c> (the single-use sign-in link) and <c>expiration</c>.
    /// </summary>
    private static async Task<IResult> CreerLienAsync(HttpContext http, ConnexionRegulateurSas connexion)
    {
        if (!EstPlateforme(http.User, http.RequestServices.GetRequiredService<IOptions<OptionsSas>>().Value))
        {
            return Interdit();
        }
        var (parametres, erreur) = await LireCorpsAsync<Parameters>(http);
        if (parametres is null)
        {
            return erreur!;
        }
        var identifiant = parametres.Parameter.FirstOrDefault(p => p.Name == "identifier")?.Value as Identifier;
        var creneau = (parametres.Parameter.FirstOrDefault(p => p.Name == "slot")?.Value as ResourceReference)?.Reference;
        if (identifiant is not { System: RessourcesSas.SystemeIdnps or RegulateurSas.SystemeTechniqueSas, Value.Length: > 0 }
            || creneau is null || !creneau.StartsWith("Slot/", StringComparison.Ordinal)
            || !long.TryParse(creneau.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var creneauId))
        {
            return ReponsesFhir.Invalide(
                "Paramètres attendus : identifier (valueIdentifier national ou technique SAS) et slot (valueReference Slot/{id}).",
                "Expected parameters: identifier (national or SAS technical valueIdentifier) and slot (valueReference Slot/{id}).");
        }
        var resultat = await connexion.CreerLienAsync(identifiant.System, identifiant.Value, creneauId, Sas.BaseUrl(http), http.RequestAborted);
        return resultat switch
        {
            ResultatLienSas.Cree cree => ReponsesFhir.Ressource(new Parameters
            {
                Parameter =
                [
                    new Parameters.ParameterComponent { Name = "url", Value = new FhirUrl(cree.Url) },
                    new Parameters.ParameterComponent { Name = "expiration", Value = new Instant(new DateTimeOffset(cree.ExpireLeUtc, TimeSpan.Zero)) },
                ],
            }),
            ResultatLienSas.CreneauInconnu => ReponsesFhir.Introuvable("Slot", creneauId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => ReponsesFhir.Erreur(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule,
                "Aucun compte régulateur actif pour cet identifiant : le créer d'abord (POST Practitioner).",
                "No active regulator account for this identifier: create it first (POST Practitioner)."),
        };
    }

    private static async Task<IResult> EcrireAsync(HttpContext http, EnregistrerCompteRegulateur enregistrer, CibleCompteRegulateur cible)
    {
        if (!EstPlateforme(http.User, http.RequestServices.GetRequiredService<IOptions<OptionsSas>>().Value))
        {
            return Interdit();
        }
        var (practitioner, erreur) = await LireCorpsAsync<Practitioner>(http);
        if (practitioner is null)
        {
            return erreur!;
        }
        var resultat = await enregistrer.ExecuterAsync(practitioner, cible, http.RequestAborted);
        switch (resultat)
        {
            case ResultatCompteRegulateur.Cree cree:
                http.Response.Headers.Location = $"{Sas.BaseUrl(http)}/fhir/Practitioner/{EnregistrerCompteRegulateur.PrefixeId}{cree.Compte.Id}";
                return ReponsesFhir.Ressource(EnregistrerCompteRegulateur.EnRessource(cree.Compte), StatusCodes.Status201Created);
            case ResultatCompteRegulateur.MisAJour maj:
                http.Response.Headers.Location = $"{Sas.BaseUrl(http)}/fhir/Practitioner/{EnregistrerCompteRegulateur.PrefixeId}{maj.Compte.Id}";
                return ReponsesFhir.Ressource(EnregistrerCompteRegulateur.EnRessource(maj.Compte));
            case ResultatCompteRegulateur.Invalide invalide:
                return ReponsesFhir.Invalide(invalide.Francais, invalide.Anglais);
            default:
                return ReponsesFhir.Introuvable("Practitioner", http.Request.RouteValues["id"]?.ToString() ?? "");
        }
    }
}
