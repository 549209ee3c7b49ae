using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.MedecinTraitant;

/// <summary>What a form or the API gives to register a patient on the waiting list (raw, not yet validated).</summary>
public sealed record SaisieDemandeMt(
    string? Nom,
    string? Prenom,
    DateOnly? DateNaissance,
    string? Sexe,
    string? Ins,
    string? Telephone,
    string? Email,
    string? CommuneInsee,
    string? Raison,
    IReadOnlyList<string>? Criteres,
    string? Notes,
    bool ConsentementContact);

/// <summary>A registration that passed validation: trimmed, phone normalised, criteria as a bit set.</summary>
public sealed record DemandeMtValide(
    string Nom, string Prenom, DateOnly DateNaissance, string Sexe, string? Ins, string? Telephone, string? Email,
    string CommuneInsee, string Raison, CriteresPriorite Criteres, string? Notes, bool ConsentementContact)
{
    /// <summary>The key of duplicate detection: "nom prenom" without case nor accents.</summary>
    public string NomNormalise => NormaliserNom(Nom, Prenom);

    public static string NormaliserNom(string nom, string prenom) => Infrastructure.TexteRecherche.Normaliser(nom + " " + prenom);
}

/// <summary>
/// Validation of a waiting-list registration, shared by the forms and the API. Errors are keyed by the API's
/// field names (nom, prenom, dateNaissance, sexe, ins, telephone, email, communeInsee, raison, criteres, notes)
/// with French messages. Names accept letters, spaces, hyphens, apostrophes and dots only, so markup never gets in.
/// </summary>
public sealed class ValiderDemandeMt(OpenCptsDb db, CptsCourante cpts, TimeProvider horloge)
{
    public const int LongueurNomMax = 100;
    public const int LongueurNotesMax = 2000;

    public static readonly IReadOnlyList<(string Code, string Libelle)> Sexes = [("F", "Féminin"), ("M", "Masculin"), ("I", "Indéterminé")];

    public async Task<(DemandeMtValide? Demande, Dictionary<string, string[]> Erreurs)> ExecuteAsync(SaisieDemandeMt s, CancellationToken ct = default)
    {
        var erreurs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var nom = Nom(s.Nom, "nom", "Le nom", erreurs);
        var prenom = Nom(s.Prenom, "prenom", "Le prénom", erreurs);

        var aujourdhui = HeureParis.Aujourdhui(horloge);
        if (s.DateNaissance is not { } naissance)
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

        var sexe = s.Sexe?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(sexe))
        {
            erreurs["sexe"] = ["Le sexe est obligatoire (F, M ou I)."];
        }
        else if (!Sexes.Any(x => x.Code == sexe))
        {
            erreurs["sexe"] = ["Le sexe doit être F, M ou I."];
        }

        var ins = string.IsNullOrWhiteSpace(s.Ins) ? null : s.Ins.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (ins is not null && (ins.Length != 15 || !ins.All(char.IsAsciiLetterOrDigit)))
        {
            erreurs["ins"] = ["L'INS (matricule INS) compte 15 caractères : chiffres, et 2A ou 2B pour la Corse."];
        }

        string? telephone = null;
        if (!string.IsNullOrWhiteSpace(s.Telephone))
        {
            telephone = ValiderPatient.NormaliserTelephone(s.Telephone.Length > 30 ? null : s.Telephone);
            if (telephone is null)
            {
                erreurs["telephone"] = ["Le téléphone doit être un numéro français à 10 chiffres (ex. 06 12 34 56 78)."];
            }
        }
        var email = string.IsNullOrWhiteSpace(s.Email) ? null : s.Email.Trim();
        if (email is not null && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Any(c => c is '<' or '>')))
        {
            erreurs["email"] = ["L'adresse e-mail n'est pas valide."];
        }
        if (string.IsNullOrWhiteSpace(s.Telephone) && email is null)
        {
            erreurs["telephone"] = ["Un téléphone ou une adresse e-mail est obligatoire pour contacter le patient."];
        }

        var commune = s.CommuneInsee?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(commune))
        {
            erreurs["communeInsee"] = ["La commune de résidence est obligatoire."];
        }
        else if (commune.Length != 5 || !(await cpts.CodesCommunesAsync(ct)).Contains(commune))
        {
            erreurs["communeInsee"] = ["La commune doit être une commune du territoire de la CPTS (code INSEE)."];
        }
        else if (!await db.Communes.AnyAsync(c => c.CodeInsee == commune, ct))
        {
            erreurs["communeInsee"] = ["Code INSEE inconnu."];
        }

        var raison = string.IsNullOrWhiteSpace(s.Raison) ? RaisonsSansMedecin.Autre : s.Raison.Trim();
        if (!RaisonsSansMedecin.Toutes.Contains(raison))
        {
            erreurs["raison"] = ["Raison inconnue : " + string.Join(", ", RaisonsSansMedecin.Toutes) + "."];
        }

        var criteres = CriteresPriorite.Aucun;
        var inconnus = new List<string>();
        foreach (var code in s.Criteres ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }
            if (Criteres.DepuisCode(code.Trim()) is { } c)
            {
                criteres |= c;
            }
            else
            {
                inconnus.Add(code.Length > 30 ? code[..30] + "…" : code);
            }
        }
        if (inconnus.Count > 0)
        {
            erreurs["criteres"] = [$"Critère inconnu : {string.Join(", ", inconnus)}. Critères possibles : {string.Join(", ", Criteres.Tous.Select(c => c.Code))}."];
        }

        var notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim();
        if (notes is not null && notes.Length > LongueurNotesMax)
        {
            erreurs["notes"] = [$"Les notes ne doivent pas dépasser {LongueurNotesMax.ToString(CultureInfo.InvariantCulture)} caractères."];
        }

        return erreurs.Count == 0
            ? (new DemandeMtValide(nom!, prenom!, s.DateNaissance!.Value, sexe!, ins, telephone, email, commune!, raison, criteres, notes, s.ConsentementContact), erreurs)
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
        if (v.Length > LongueurNomMax)
        {
            erreurs[champ] = [$"{libelle} ne doit pas dépasser {LongueurNomMax.ToString(CultureInfo.InvariantCulture)} caractères."];
            return null;
        }
        if (!v.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.'))
        {
            erreurs[champ] = [$"{libelle} ne peut contenir que des lettres, espaces, tirets et apostrophes."];
            return null;
        }
        return v;
    }
}
