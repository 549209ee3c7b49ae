using System.Text.RegularExpressions;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>The professional's national identifier (IDNPS) as the SAS sends it in search parameters.</summary>
public static partial class IdentifiantNational
{
    /// <summary>A token <c>urn:oid:1.2.250.1.71.4.2.1|810002909371</c> → the national id "810002909371", with the
    /// guide's tolerance for an unprefixed RPPS (11 digits gets the "8").</summary>
    public static (string? Identifiant, IResult? Erreur) Lire(string jeton)
    {
        var barre = jeton.IndexOf('|', StringComparison.Ordinal);
        if (barre < 0)
        {
            return (null, ReponsesFhir.Invalide(
                $"Identifiant « {jeton} » sans système : attendu {RessourcesSas.SystemeIdnps}|8…",
                $"Identifier '{jeton}' has no system: expected {RessourcesSas.SystemeIdnps}|8…"));
        }
        var systeme = jeton[..barre];
        var valeur = jeton[(barre + 1)..].Trim();
        if (systeme != RessourcesSas.SystemeIdnps)
        {
            return (null, ReponsesFhir.Invalide(
                $"Système d'identifiant « {systeme} » non pris en charge : attendu {RessourcesSas.SystemeIdnps} (IDNPS).",
                $"Identifier system '{systeme}' is not supported: expected {RessourcesSas.SystemeIdnps} (IDNPS)."));
        }
        if (Rpps().IsMatch(valeur))
        {
            return ("8" + valeur, null);
        }
        if (!IdentifiantPs().IsMatch(valeur))
        {
            return (null, ReponsesFhir.Invalide(
                $"Identifiant national « {valeur} » invalide : attendu 8 suivi des 11 chiffres du RPPS.",
                $"National identifier '{valeur}' is invalid: expected 8 followed by the 11-digit RPPS."));
        }
        return (valeur, null);
    }

    [GeneratedRegex("^[0-9]{11}$")]
    private static partial Regex Rpps();

    [GeneratedRegex("^[08][0-9A-Za-z]{8,11}$")]
    private static partial Regex IdentifiantPs();
}
