using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>The patient as typed in a care request or a discharge plan (API or form).</summary>
public sealed record SaisiePatient(string? Nom, string? Prenom, DateOnly? DateNaissance, string? CodeCommune);

/// <summary>
/// Finds the pathway patient with the same name, first name (accents and case ignored) and birth date in the
/// CPTS, or creates him. A care request and a discharge plan for the same person thus share one team and one
/// thread. Validation errors are keyed "patient.nom", "patient.prenom", "patient.dateNaissance".
/// </summary>
public sealed class EnregistrerPatient(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
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

    /// <summary>Finds or creates the patient; the input must have passed <see cref="Valider"/>.</summary>
    public async Task<PatientParcours> ExecuteAsync(SaisiePatient saisie, string? creePar, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var nom = saisie.Nom!.Trim().ToUpperInvariant();
        var prenom = saisie.Prenom!.Trim();
        var naissance = saisie.DateNaissance!.Value;
        var cle = (TexteRecherche.Normaliser(nom), TexteRecherche.Normaliser(prenom));
        var memeNaissance = await db.PatientsParcours
            .Where(p => p.CptsId == cpts.Id && p.DateNaissance == naissance)
            .ToListAsync(ct);
        var existant = memeNaissance.FirstOrDefault(p => (TexteRecherche.Normaliser(p.Nom), TexteRecherche.Normaliser(p.Prenom)) == cle);
        if (existant is not null)
        {
            if (existant.CodeCommune is null && saisie.CodeCommune is not null)
            {
                existant.CodeCommune = saisie.CodeCommune;
                await db.SaveChangesAsync(ct);
            }
            return existant;
        }
        var patient = new PatientParcours
        {
            CptsId = cpts.Id,
            Nom = nom,
            Prenom = prenom,
            DateNaissance = naissance,
            CodeCommune = saisie.CodeCommune,
            CreeLeUtc = horloge.GetUtcNow().UtcDateTime,
            CreePar = creePar,
        };
        db.PatientsParcours.Add(patient);
        await db.SaveChangesAsync(ct);
        return patient;
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
