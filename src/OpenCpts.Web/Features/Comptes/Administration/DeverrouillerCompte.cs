using Microsoft.AspNetCore.Identity;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Lifts a lockout (after repeated sign-in failures) before its 15 minutes are over.</summary>
public sealed class DeverrouillerCompte(UserManager<Utilisateur> utilisateurs)
{
    /// <summary>False when there is no such account.</summary>
    public async Task<bool> ExecuteAsync(string utilisateurId)
    {
        var utilisateur = await utilisateurs.FindByIdAsync(utilisateurId);
        if (utilisateur is null)
        {
            return false;
        }
        await utilisateurs.SetLockoutEndDateAsync(utilisateur, null);
        await utilisateurs.ResetAccessFailedCountAsync(utilisateur);
        return true;
    }
}
