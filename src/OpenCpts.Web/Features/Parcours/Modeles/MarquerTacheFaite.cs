using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Modeles;

public enum ResultatTacheFaite
{
    Faite,
    /// <summary>Already done (by this user or another): nothing changes, which is what was asked.</summary>
    DejaFaite,
    Introuvable,
    /// <summary>Neither the Coordination, nor the task's responsible, nor (for a task without responsible) an active member of the team. Pages answer it as <see cref="Introuvable"/>.</summary>
    Interdit,
}

/// <summary>
/// Marks a pathway task done, with who and when. The Coordination, the professional responsible for the task or,
/// when the task has no responsible, any member of the patient's team may do it. Idempotent: the first mark stays
/// (conditional update on "not done yet").
/// </summary>
public sealed class MarquerTacheFaite(OpenCptsDb db, UtilisateurParcours utilisateurs, JournalAudit journal, TimeProvider horloge)
{
    public async Task<ResultatTacheFaite> ExecuteAsync(long tacheId, ClaimsPrincipal utilisateur, CancellationToken ct = default)
    {
        var tache = await db.TachesParcours.AsNoTracking()
            .Where(t => t.Id == tacheId)
            .Select(t => new { t.PatientParcoursId, t.ResponsableProfessionnelId, t.FaiteLeUtc })
            .SingleOrDefaultAsync(ct);
        var id = tacheId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (tache is null)
        {
            await journal.EnregistrerAsync("Refus", "TacheParcours", id, "Tâche inconnue", null, ct);
            return ResultatTacheFaite.Introuvable;
        }
        var profil = await utilisateurs.ProfilAsync(utilisateur, ct);
        var autorise = profil.Coordination
            || (tache.ResponsableProfessionnelId is { } responsable && profil.ProfessionnelId == responsable)
            || (tache.ResponsableProfessionnelId is null && await db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == tache.PatientParcoursId && m.RetireLeUtc == null
                && ((profil.ProfessionnelId != null && m.ProfessionnelId == profil.ProfessionnelId)
                    || (profil.StructureId != null && m.StructureId == profil.StructureId)), ct));
        if (!autorise)
        {
            await journal.EnregistrerAsync("Refus", "TacheParcours", id, null, tache.PatientParcoursId, ct);
            return ResultatTacheFaite.Interdit;
        }
        if (tache.FaiteLeUtc is not null)
        {
            return ResultatTacheFaite.DejaFaite;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var marquees = await db.TachesParcours.Where(t => t.Id == tacheId && t.FaiteLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FaiteLeUtc, maintenant).SetProperty(t => t.FaitePar, profil.Email), ct);
        if (marquees == 1)
        {
            await journal.EnregistrerAsync("Modification", "TacheParcours", id, "Tâche faite", tache.PatientParcoursId, ct);
        }
        return marquees == 1 ? ResultatTacheFaite.Faite : ResultatTacheFaite.DejaFaite;
    }
}
