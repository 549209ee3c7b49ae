using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Patients;

public enum ResultatDoublonPatient
{
    Traite,
    Introuvable,
    /// <summary>Not a possible duplicate, or already merged or declared distinct (maybe a moment ago by someone else).</summary>
    DejaTraite,
}

/// <summary>
/// The Coordination settles a possible duplicate (<see cref="EnregistrerPatient"/>), as on the médecin-traitant waiting
/// list: merge it into the existing patient, or declare the two distinct. A merge moves the team (memberships already
/// held in the kept file end, as history), care requests, discharge plans, the thread, enrolments and tasks to the kept
/// patient, and keeps the consent if only the duplicate had it; the duplicate stays, empty, pointing to the kept one,
/// so that audit entries keyed by its id still resolve. One transaction, guarded by a conditional update; audited on
/// both patients.
/// </summary>
public sealed class FusionnerPatientsParcours(OpenCptsDb db, JournalAudit journal, TimeProvider horloge)
{
    public async Task<ResultatDoublonPatient> FusionnerAsync(long doublonId, string? par, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var doublon = await db.PatientsParcours.AsNoTracking().FirstOrDefaultAsync(p => p.Id == doublonId, ct);
        if (doublon is null)
        {
            return ResultatDoublonPatient.Introuvable;
        }
        if (doublon.DoublonPossibleDeId is not { } conserveId)
        {
            return ResultatDoublonPatient.DejaTraite;
        }
        var marque = await db.PatientsParcours
            .Where(p => p.Id == doublonId && p.DoublonTraiteLeUtc == null && p.FusionneDansId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FusionneDansId, conserveId)
                .SetProperty(p => p.DoublonTraiteLeUtc, maintenant).SetProperty(p => p.DoublonTraitePar, par), ct);
        if (marque == 0)
        {
            return ResultatDoublonPatient.DejaTraite;
        }
        var conserve = await db.PatientsParcours.FirstAsync(p => p.Id == conserveId, ct);

        // A member of both teams keeps his membership in the kept file; the duplicate's one ends there, as history.
        var professionnels = db.MembresEquipe.Where(m => m.PatientParcoursId == conserveId && m.RetireLeUtc == null && m.ProfessionnelId != null)
            .Select(m => m.ProfessionnelId);
        var structures = db.MembresEquipe.Where(m => m.PatientParcoursId == conserveId && m.RetireLeUtc == null && m.StructureId != null)
            .Select(m => m.StructureId);
        await db.MembresEquipe
            .Where(m => m.PatientParcoursId == doublonId && m.RetireLeUtc == null
                && (professionnels.Contains(m.ProfessionnelId) || structures.Contains(m.StructureId)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RetireLeUtc, maintenant).SetProperty(m => m.RetirePar, par)
                .SetProperty(m => m.MotifRetrait, "Fusion des dossiers : déjà membre de l'équipe"), ct);
        await db.MembresEquipe.Where(m => m.PatientParcoursId == doublonId).ExecuteUpdateAsync(s => s.SetProperty(m => m.PatientParcoursId, conserveId), ct);
        await db.DemandesPriseEnCharge.Where(x => x.PatientParcoursId == doublonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.PatientParcoursId, conserveId), ct);
        await db.PlansSortie.Where(x => x.PatientParcoursId == doublonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.PatientParcoursId, conserveId), ct);
        await db.MessagesEquipe.Where(x => x.PatientParcoursId == doublonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.PatientParcoursId, conserveId), ct);
        await db.InscriptionsParcours.Where(x => x.PatientParcoursId == doublonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.PatientParcoursId, conserveId), ct);
        await db.TachesParcours.Where(x => x.PatientParcoursId == doublonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.PatientParcoursId, conserveId), ct);
        if (conserve.ConsentementLeUtc is null && doublon.ConsentementLeUtc is not null)
        {
            conserve.ConsentementLeUtc = doublon.ConsentementLeUtc;
            conserve.ConsentementRecueilliPar = doublon.ConsentementRecueilliPar;
        }
        conserve.CodeCommune ??= doublon.CodeCommune;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var idConserve = conserveId.ToString(CultureInfo.InvariantCulture);
        var idDoublon = doublonId.ToString(CultureInfo.InvariantCulture);
        await journal.EnregistrerAsync("Fusion", EnregistrerPatient.Ressource, idDoublon, $"Fusionné dans le patient n° {idConserve}", doublonId, ct);
        await journal.EnregistrerAsync("Fusion", EnregistrerPatient.Ressource, idConserve, $"Doublon n° {idDoublon} fusionné ici", conserveId, ct);
        return ResultatDoublonPatient.Traite;
    }

    /// <summary>The two patients are different people who share an identity: the flag goes, both files stay.</summary>
    public async Task<ResultatDoublonPatient> DeclarerDistinctsAsync(long doublonId, string? par, CancellationToken ct = default)
    {
        var doublon = await db.PatientsParcours.AsNoTracking().Where(p => p.Id == doublonId).Select(p => new { p.DoublonPossibleDeId }).FirstOrDefaultAsync(ct);
        if (doublon is null)
        {
            return ResultatDoublonPatient.Introuvable;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var n = await db.PatientsParcours
            .Where(p => p.Id == doublonId && p.DoublonPossibleDeId != null && p.DoublonTraiteLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DoublonTraiteLeUtc, maintenant).SetProperty(p => p.DoublonTraitePar, par), ct);
        if (n == 0)
        {
            return ResultatDoublonPatient.DejaTraite;
        }
        await journal.EnregistrerAsync("Distincts", EnregistrerPatient.Ressource, doublonId.ToString(CultureInfo.InvariantCulture),
            $"Distinct du patient n° {doublon.DoublonPossibleDeId!.Value.ToString(CultureInfo.InvariantCulture)}", doublonId, ct);
        return ResultatDoublonPatient.Traite;
    }
}
