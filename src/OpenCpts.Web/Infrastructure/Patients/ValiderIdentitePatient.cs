using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Infrastructure.Patients;

/// <summary>
/// The one validation of a patient's identity, for unscheduled care, the médecin-traitant list and pathways. Errors
/// are keyed by <see cref="ChampsIdentite"/> with French messages. Each feature adds only its own rules (consent,
/// medical reason, the CPTS territory) after it.
/// </summary>
public sealed class ValiderIdentitePatient(OpenCptsDb db, TimeProvider horloge)
{
    public const int LongueurNomMax = 100;

    public static readonly IReadOnlyList<(string Code, string Libelle)> Sexes = [("F", "Féminin"), ("M", "Masculin"), ("I", "Indéterminé")];

    /// <summary>The checks of <see cref="Valider"/>, today being the Paris date, then the commune against the communes reference.</summary>
    public async Task<(IdentitePatient? Identite, ErreursValidation Erreurs)> ExecuteAsync(
        SaisieIdentite saisie, ExigencesIdentite exigences, CancellationToken ct = default)
    {
        var (identite, erreurs) = Valider(saisie, exigences, HeureParis.Aujourdhui(horloge));
        var commune = Commune(saisie.CommuneInsee);
        if (commune is { Length: 5 } && !erreurs.ContainsKey(ChampsIdentite.CommuneInsee) && !await db.Communes.AnyAsync(c => c.CodeInsee == commune, ct))
        {
            erreurs[ChampsIdentite.CommuneInsee] = [MessageCommuneInconnue(commune)];
            identite = null;
        }
        return (identite, erreurs);
    }

    /// <summary>Every check that needs no database; the commune is only checked for its shape here.</summary>
    public static (IdentitePatient? Identite, ErreursValidation Erreurs) Valider(SaisieIdentite s, ExigencesIdentite exigences, DateOnly aujourdhui)
    {
        var erreurs = new ErreursValidation();
        var nom = Nom(s.Nom, ChampsIdentite.Nom, "Le nom", erreurs);
        var prenom = Nom(s.Prenom, ChampsIdentite.Prenom, "Le prénom", erreurs);

        if (s.DateNaissance is not { } naissance)
        {
            erreurs[ChampsIdentite.DateNaissance] = ["La date de naissance est obligatoire (AAAA-MM-JJ)."];
        }
        else if (naissance > aujourdhui)
        {
            erreurs[ChampsIdentite.DateNaissance] = ["La date de naissance ne peut pas être dans le futur."];
        }
        else if (naissance.Year < 1900)
        {
            erreurs[ChampsIdentite.DateNaissance] = ["La date de naissance ne peut pas être antérieure à 1900."];
        }

        var sexe = string.IsNullOrWhiteSpace(s.Sexe) ? null : s.Sexe.Trim().ToUpperInvariant();
        if (sexe is null && exigences.HasFlag(ExigencesIdentite.Sexe))
        {
            erreurs[ChampsIdentite.Sexe] = ["Le sexe est obligatoire (F, M ou I)."];
        }
        else if (sexe is not null && !Sexes.Any(x => x.Code == sexe))
        {
            erreurs[ChampsIdentite.Sexe] = ["Le sexe doit être F, M ou I."];
        }

        var (telephone, email) = Contact(s.Telephone, s.Email, exigences, erreurs);

        var ins = string.IsNullOrWhiteSpace(s.Ins) ? null : Nir.Normaliser(s.Ins);
        if (ins is not null && !Nir.AForme(ins))
        {
            erreurs[ChampsIdentite.Ins] = ["L'INS (matricule INS) compte 15 caractères : chiffres, et 2A ou 2B pour la Corse."];
        }
        else if (ins is not null && !Nir.CleValide(ins))
        {
            erreurs[ChampsIdentite.Ins] = ["La clé de l'INS (ses 2 derniers chiffres) ne correspond pas au numéro : vérifiez-le."];
        }

        var commune = Commune(s.CommuneInsee);
        if (commune is null && exigences.HasFlag(ExigencesIdentite.CommuneInsee))
        {
            erreurs[ChampsIdentite.CommuneInsee] = ["La commune est obligatoire."];
        }
        else if (commune is not null && (commune.Length != 5 || !commune.All(char.IsAsciiLetterOrDigit)))
        {
            erreurs[ChampsIdentite.CommuneInsee] = [MessageCommuneInconnue(commune)];
        }

        return erreurs.Count == 0
            ? (new IdentitePatient(nom!, prenom!, s.DateNaissance!.Value, sexe, telephone, email, ins, commune), erreurs)
            : (null, erreurs);
    }

    /// <summary>The contact alone (phone in its canonical form, e-mail checked), for a feature that edits it on its own.</summary>
    public static (string? Telephone, string? Email) Contact(string? telephoneSaisi, string? emailSaisi, ExigencesIdentite exigences, ErreursValidation erreurs)
    {
        var telephone = string.IsNullOrWhiteSpace(telephoneSaisi) ? null : NumeroTelephone.Normaliser(telephoneSaisi);
        if (!string.IsNullOrWhiteSpace(telephoneSaisi) && telephone is null)
        {
            erreurs[ChampsIdentite.Telephone] = [NumeroTelephone.MessageInvalide];
        }
        else if (telephone is null && exigences.HasFlag(ExigencesIdentite.Telephone))
        {
            erreurs[ChampsIdentite.Telephone] = ["Le téléphone est obligatoire (ex. 06 12 34 56 78)."];
        }

        var email = string.IsNullOrWhiteSpace(emailSaisi) ? null : emailSaisi.Trim();
        if (email is not null && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Any(c => c is '<' or '>')))
        {
            erreurs[ChampsIdentite.Email] = ["L'adresse e-mail n'est pas valide."];
        }
        if (exigences.HasFlag(ExigencesIdentite.TelephoneOuEmail) && string.IsNullOrWhiteSpace(telephoneSaisi) && string.IsNullOrWhiteSpace(emailSaisi))
        {
            erreurs[ChampsIdentite.Telephone] = ["Un téléphone ou une adresse e-mail est obligatoire pour contacter le patient."];
        }
        return (telephone, email);
    }

    private static string? Commune(string? saisie) => string.IsNullOrWhiteSpace(saisie) ? null : saisie.Trim().ToUpperInvariant();

    private static string MessageCommuneInconnue(string commune) =>
        $"Le code INSEE « {(commune.Length > 10 ? commune[..10] + "…" : commune)} » ne correspond à aucune commune.";

    /// <summary>Letters, spaces, hyphens, apostrophes and dots only, so that markup and digits never get in.</summary>
    private static string? Nom(string? valeur, string champ, string libelle, ErreursValidation erreurs)
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
