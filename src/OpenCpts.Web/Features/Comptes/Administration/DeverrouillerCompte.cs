using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Lifts a lockout (after repeated sign-in failures) before its 15 minutes are over; audited.</summary>
public sealed class DeverrouillerCompte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, JournalAudit audit)
{
    /// <summary>False when there is no such account in the current CPTS.</summary>
    public async Task<bool> ExecuteAsync(string utilisateurId, CancellationToken ct = default)
    {
        var cptsId = db.Perimetre.CptsId;
        var utilisateur = await db.Set<RattachementCpts>().AnyAsync(r => r.UtilisateurId == utilisateurId && r.CptsId == cptsId, ct)
            ? await utilisateurs.FindByIdAsync(utilisateurId)
            : null;
        // A deactivated account's lockout is its deactivation: only ReactiverCompte lifts it.
        if (utilisateur is null || utilisateur.DesactiveLeUtc is not null)
        {
            return false;
        }
        await utilisateurs.SetLockoutEndDateAsync(utilisateur, null);
        await utilisateurs.ResetAccessFailedCountAsync(utilisateur);
        await audit.EnregistrerAsync("Deverrouillage", "Compte", utilisateur.Id, $"Compte {utilisateur.Email} déverrouillé", ct);
        return true;
    }
}
