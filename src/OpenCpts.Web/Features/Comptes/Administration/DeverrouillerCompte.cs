using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Lifts a lockout (after repeated sign-in failures) before its 15 minutes are over; audited.</summary>
public sealed class DeverrouillerCompte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, JournalAudit audit)
{
    /// <summary>False when there is no such account in the current CPTS.</summary>
    public async Task<bool> ExecuteAsync(string utilisateurId, CancellationToken ct = default)
    {
        var utilisateur = await CompteDeLaCpts.TrouverAsync(db, utilisateurs, audit, utilisateurId, "Déverrouillage", ct);
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
