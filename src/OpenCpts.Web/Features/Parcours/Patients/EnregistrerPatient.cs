using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;

namespace OpenCpts.Web.Features.Parcours.Patients;

/// <summary>The patient a care request or a plan is about, and whether he was created for it.</summary>
/// <param name="Cree">A new pathway patient: the caller makes its creator the first member of the team.</param>
public sealed record PatientEnregistre(PatientParcours Patient, bool Cree);

/// <summary>
/// Finds the pathway patient with the same name, first name (accents and case ignored) and birth date in the
/// CPTS, or creates him. A care request and a discharge plan for the same person thus share one team and one
/// thread — but only when the caller can already see that patient (<see cref="AccesPatient"/>): typing an identity
/// must not open a file. Otherwise a new patient is created, flagged as a possible duplicate of the existing one,
/// and the Coordination merges them or declares them distinct (<see cref="FusionnerPatientsParcours"/>); the caller
/// never learns that the other patient exists. The identity is validated before, by <see cref="ValiderIdentitePatient"/>.
/// </summary>
public sealed class EnregistrerPatient(OpenCptsDb db, CptsCourante cptsCourante, AccesPatient acces, JournalAudit journal, TimeProvider horloge)
{
    public const string Ressource = "PatientParcours";

    /// <summary>Finds (among the patients the caller sees) or creates the patient of a validated identity.</summary>
    public async Task<PatientEnregistre> ExecuteAsync(IdentitePatient saisie, ProfilParcours profil, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var nom = saisie.Nom.ToUpperInvariant();
        var prenom = saisie.Prenom;
        var naissance = saisie.DateNaissance;
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
                if (existant.CodeCommune is null && saisie.CommuneInsee is not null)
                {
                    existant.CodeCommune = saisie.CommuneInsee;
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
            CodeCommune = saisie.CommuneInsee,
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
}
