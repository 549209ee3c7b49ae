using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Patients;

/// <summary>
/// Who may see a pathway patient's data: the Coordination, and the active members of his care team (a professional
/// of the team, or an account of a structure in the team). A member whose membership ended sees nothing any more.
/// Everyone else is refused, and the refusal is written to the audit log like a read, so that the Coordination sees
/// attempts too. Callers answer a refusal exactly as an unknown patient (404), so that an outsider cannot tell
/// whether a patient exists.
/// </summary>
public sealed class AccesPatient(OpenCptsDb db, UtilisateurParcours utilisateurs, JournalAudit journal)
{
    /// <summary>True when the user is an active member of the patient's team (or is the Coordination).</summary>
    public async Task<bool> PeutVoirAsync(ClaimsPrincipal utilisateur, long patientId, CancellationToken ct = default) =>
        await PeutVoirAsync(await utilisateurs.ProfilAsync(utilisateur, ct), patientId, ct);

    public async Task<bool> PeutVoirAsync(ProfilParcours profil, long patientId, CancellationToken ct = default)
    {
        if (profil.Coordination)
        {
            return await db.PatientsParcours.AnyAsync(p => p.Id == patientId, ct);
        }
        return await EquipeActive(db, profil).AnyAsync(m => m.PatientParcoursId == patientId, ct);
    }

    /// <summary>The active memberships of the user (as a professional or through his structure).</summary>
    public static IQueryable<MembreEquipe> EquipeActive(OpenCptsDb db, ProfilParcours profil) =>
        db.MembresEquipe.Where(m => m.RetireLeUtc == null
            && ((profil.ProfessionnelId != null && m.ProfessionnelId == profil.ProfessionnelId)
                || (profil.StructureId != null && m.StructureId == profil.StructureId)));

    /// <summary>
    /// Checks access and logs it: a granted access as <paramref name="action"/> on the resource, a refused one as
    /// "Refus" (an unknown patient is logged as a refusal too, without patient id). Returns whether access is granted.
    /// </summary>
    public async Task<bool> VerifierEtJournaliserAsync(ClaimsPrincipal utilisateur, long patientId, string ressource, string ressourceId,
        string action = "Lecture", CancellationToken ct = default)
    {
        var autorise = await PeutVoirAsync(utilisateur, patientId, ct);
        var existe = autorise || await db.PatientsParcours.AnyAsync(p => p.Id == patientId, ct);
        await journal.EnregistrerAsync(autorise ? action : "Refus", ressource, ressourceId, null, existe ? patientId : null, ct);
        return autorise;
    }
}
