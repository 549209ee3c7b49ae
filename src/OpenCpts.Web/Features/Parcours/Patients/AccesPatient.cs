using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>
/// Who may see a pathway patient's data: the Coordination, and the members of his care team (a professional
/// of the team, or an account of a structure in the team). Everyone else is refused, and the refusal is
/// written to the audit log like a read, so that the Coordination sees attempts too.
/// </summary>
public sealed class AccesPatient(OpenCptsDb db, UtilisateurParcours utilisateurs, JournalAudit journal)
{
    /// <summary>True when the user is in the team of the patient (or is the Coordination).</summary>
    public async Task<bool> PeutVoirAsync(ClaimsPrincipal utilisateur, long patientId, CancellationToken ct = default)
    {
        var profil = await utilisateurs.ProfilAsync(utilisateur, ct);
        if (profil.Coordination)
        {
            return await db.PatientsParcours.AnyAsync(p => p.Id == patientId, ct);
        }
        return await db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patientId
            && ((profil.ProfessionnelId != null && m.ProfessionnelId == profil.ProfessionnelId)
                || (profil.StructureId != null && m.StructureId == profil.StructureId)), ct);
    }

    /// <summary>
    /// Checks access and logs it: a granted access as <paramref name="action"/> on the resource, a refused one as
    /// "Refus". Returns whether access is granted.
    /// </summary>
    public async Task<bool> VerifierEtJournaliserAsync(ClaimsPrincipal utilisateur, long patientId, string ressource, string ressourceId,
        string action = "Lecture", CancellationToken ct = default)
    {
        var autorise = await PeutVoirAsync(utilisateur, patientId, ct);
        await journal.EnregistrerAsync(autorise ? action : "Refus", ressource, ressourceId, null, patientId, ct);
        return autorise;
    }
}
