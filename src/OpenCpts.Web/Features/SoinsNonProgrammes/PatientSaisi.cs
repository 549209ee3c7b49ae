using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary>The minimal patient data the desk and the API take for a booking.</summary>
public sealed record PatientSaisi(
    string? Nom,
    string? Prenom,
    DateOnly? DateNaissance,
    string? Telephone,
    string? CommuneInsee,
    string? Email = null,
    string? Ins = null);

/// <summary>A patient that passed validation: names trimmed, phone normalised to 10 digits.</summary>
public sealed record PatientValide(string Nom, string Prenom, DateOnly DateNaissance, string Telephone, string CommuneInsee, string? Email, string? Ins);

/// <summary>
/// Validation of the patient's identity, shared by the desk form and the API. Field names are those of the
/// API (nom, prenom, dateNaissance, telephone, communeInsee, email, ins); messages are French.
/// </summary>
public sealed class ValiderPatient(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<(PatientValide? Patient, Dictionary<string, string[]> Erreurs)> ExecuteAsync(PatientSaisi saisie, CancellationToken ct = default)
    {
        var erreurs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var nom = Nom(saisie.Nom, "nom", "Le nom", erreurs);
        var prenom = Nom(saisie.Prenom, "prenom", "Le prénom", erreurs);

        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        if (saisie.DateNaissance is not { } naissance)
        {
            erreurs["dateNaissance"] = ["La date de naissance est obligatoire (AAAA-MM-JJ)."];
        }
        else if (naissance > aujourdhui)
        {
            erreurs["dateNaissance"] = ["La date de naissance ne peut pas être dans le futur."];
        }
        else if (naissance.Year < 1900)
        {
            erreurs["dateNaissance"] = ["La date de naissance ne peut pas être antérieure à 1900."];
        }

        var telephone = NormaliserTelephone(saisie.Telephone);
        if (telephone is null)
        {
            erreurs["telephone"] = ["Le téléphone doit être un numéro français à 10 chiffres (ex. 06 12 34 56 78)."];
        }

        var commune = saisie.CommuneInsee?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(commune))
        {
            erreurs["communeInsee"] = ["La commune est obligatoire."];
        }
        else if (commune.Length != 5 || !await db.Communes.AnyAsync(c => c.CodeInsee == commune, ct))
        {
            erreurs["communeInsee"] = [$"Le code INSEE « {commune} » ne correspond à aucune commune."];
        }

        var email = string.IsNullOrWhiteSpace(saisie.Email) ? null : saisie.Email.Trim();
        if (email is not null && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            erreurs["email"] = ["L'adresse e-mail n'est pas valide."];
        }
        var ins = string.IsNullOrWhiteSpace(saisie.Ins) ? null : saisie.Ins.Trim();
        if (ins is not null && (ins.Length > 30 || !ins.All(char.IsAsciiLetterOrDigit)))
        {
            erreurs["ins"] = ["L'INS ne doit contenir que des chiffres et des lettres (30 au plus)."];
        }

        return erreurs.Count == 0
            ? (new PatientValide(nom!, prenom!, saisie.DateNaissance!.Value, telephone!, commune!, email, ins), erreurs)
            : (null, erreurs);
    }

    private static string? Nom(string? valeur, string champ, string libelle, Dictionary<string, string[]> erreurs)
    {
        var v = valeur?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            erreurs[champ] = [$"{libelle} est obligatoire."];
            return null;
        }
        if (v.Length > 100)
        {
            erreurs[champ] = [$"{libelle} ne doit pas dépasser 100 caractères."];
            return null;
        }
        if (v.Any(char.IsControl))
        {
            erreurs[champ] = [$"{libelle} contient des caractères non autorisés."];
            return null;
        }
        return v;
    }

    /// <summary>French phone number to 10 digits ("0612345678"), from "06 12 34 56 78", "06.12…", "+33 6…", "0033 6…"; null if invalid.</summary>
    public static string? NormaliserTelephone(string? saisie)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return null;
        }
        var chiffres = new StringBuilder();
        var s = saisie.Trim();
        var international = s.StartsWith('+');
        foreach (var c in international ? s[1..] : s)
        {
            if (char.IsAsciiDigit(c))
            {
                chiffres.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return null;
            }
        }
        var n = chiffres.ToString();
        if (international || n.StartsWith("0033", StringComparison.Ordinal))
        {
            n = international ? n : n[2..];
            if (!n.StartsWith("33", StringComparison.Ordinal))
            {
                return null;
            }
            n = n[2..];
            if (n.StartsWith('0'))
            {
                n = n[1..];
            }
            n = "0" + n;
        }
        return n.Length == 10 && n[0] == '0' && n[1] != '0' ? n : null;
    }

}
