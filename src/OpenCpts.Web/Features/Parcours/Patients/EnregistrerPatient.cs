using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>The patient as typed in a care request or a discharge plan (API or form).</summary>
public sealed record SaisiePatient(string? Nom, string? Prenom, DateOnly? DateNaissance, string? CodeCommune);

/// <summary>The patient a care request or a plan is about, and whether he was created for it.</summary>
/// <param name="Cree">A new pathway patient: the caller makes its creator the first member of the team.</param>
public sealed record PatientEnregistre(PatientParcours Patient, bool Cree);

/// <summary>
/// Finds the pathway patient with the same name, first name (accents and case ignored) and birth date in the
/// CPTS, or creates him. A care request and a discharge plan for the same person thus share one team and one
/// thread — but only when the caller can already see that patient (<see cref="AccesPatient"/>): typing an identity
/// must not open a file. Otherwise a new patient is created, flagged as a possible duplicate of the existing one,
/// and the Coordination merges them or declares them distinct (<see cref="FusionnerPatientsParcours"/>); the caller
/// never learns that the other patient exists. Validation errors are keyed "patient.nom", "patient.prenom",
/// "patient.dateNaissance".
/// </summary>
public sealed class EnregistrerPatient(OpenCptsDb db, CptsCourante cptsCourante, AccesPatient acces, JournalAudit journal, TimeProvider horloge)
{
    public const string Ressource = "PatientParcours";

    public static Dictionary<string, string[]> Valider(SaisiePatient saisie, DateOnly aujourdhui)
    {
        var erreurs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Nom(saisie.Nom, "patient.nom", "Le nom du patient", erreurs);
        Nom(saisie.Prenom, "patient.prenom", "Le prénom du patient", erreurs);
        if (saisie.DateNaissance is not { } naissance)
        {
            erreurs["patient.dateNaissance"] = ["La date de naissance du patient est obligatoire (AAAA-MM-JJ)."];
        }
        else if (naissance > aujourdhui)
        {
            erreurs["patient.dateNaissance"] = ["La date de naissance ne peut pas être dans le futur."];
        }
        else if (naissance.Year < 1900)
        {
            erreurs["patient.dateNaissance"] = ["La date de naissance ne peut pas être antérieure à 1900."];
        }
        return erreurs;
    }

    /// <summary>Finds (among the patients the caller sees) or creates the patient; the input must have passed <see cref="Valider"/>.</summary>
    public async Task<PatientEnregistre> ExecuteAsync(SaisiePatient saisie, ProfilParcours profil, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var nom = saisie.Nom!.Trim().ToUpperInvariant();
        var prenom = saisie.Prenom!.Trim();
        var naissance = saisie.DateNaissance!.Value;
        var cle = (TexteRecherche.Normaliser(nom), TexteRecherche.Normaliser(prenom));
        var memeNaissance = await db.PatientsParcours
            .Where(p => p.CptsId == cpts.Id && p.DateNaissance == naissance && p.FusionneDansId == null)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var memeIdentite = memeNaissance.Where(p => (TexteRecherche.Normaliser(p.Nom), TexteRecherche.Normaliser(p.Prenom)) == cle).ToList();
        foreach (var existant in memeIdentite)
        {
            if (await acces.PeutVoirAsync(profil, existant.Id, ct))
            {
                if (existant.CodeCommune is null && saisie.CodeCommune is not null)
                {
                    existant.CodeCommune = saisie.CodeCommune;
                    await db.SaveChangesAsync(ct);
                }
                return new PatientEnregistre(existant, Cree: false);
            }
        }
        // The original rather than an earlier duplicate, so that the Coordination merges into one file.
        var doublonDe = memeIdentite.FirstOrDefault(p => p.DoublonPossibleDeId is null) ?? memeIdentite.FirstOrDefault();
        var patient = new PatientParcours
        {
            CptsId = cpts.Id,
            Nom = nom,
            Prenom = prenom,
            DateNaissance = naissance,
            CodeCommune = saisie.CodeCommune,
            CreeLeUtc = horloge.GetUtcNow().UtcDateTime,
            CreePar = profil.Email,
            DoublonPossibleDeId = doublonDe?.DoublonPossibleDeId ?? doublonDe?.Id,
        };
        db.PatientsParcours.Add(patient);
        await db.SaveChangesAsync(ct);
        await journal.EnregistrerAsync("Creation", Ressource, patient.Id.ToString(CultureInfo.InvariantCulture),
            patient.DoublonPossibleDeId is { } d ? $"Doublon possible du patient n° {d.ToString(CultureInfo.InvariantCulture)}" : null, patient.Id, ct);
        return new PatientEnregistre(patient, Cree: true);
    }

    private static void Nom(string? valeur, string champ, string libelle, Dictionary<string, string[]> erreurs)
    {
        var v = valeur?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            erreurs[champ] = [$"{libelle} est obligatoire."];
        }
        else if (v.Length > 100)
        {
            erreurs[champ] = [$"{libelle} ne doit pas dépasser 100 caractères."];
        }
        else if (v.Any(char.IsControl) || v.Any(char.IsAsciiDigit))
        {
            erreurs[champ] = [$"{libelle} contient des caractères non autorisés."];
        }
    }
}
