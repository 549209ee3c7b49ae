using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Lifts a lockout (after repeated sign-in failures) before its 15 minutes are over; audited.</summary>
public sealed class DeverrouillerCompte(UserManager<Utilisateur> utilisateurs, JournalAudit audit)
{
    /// <summary>False when there is no such account.</summary>
    public async Task<bool> ExecuteAsync(string utilisateurId, CancellationToken ct = default)
    {
        var utilisateur = await utilisateurs.FindByIdAsync(utilisateurId);
        if (utilisateur is null)
        {
            return false;
        }
        await utilisateurs.SetLockoutEndDateAsync(utilisateur, null);
        await utilisateurs.ResetAccessFailedCountAsync(utilisateur);
        await audit.EnregistrerAsync("Deverrouillage", "Compte", utilisateur.Id, $"Compte {utilisateur.Email} déverrouillé", ct);
        return true;
    }
}
