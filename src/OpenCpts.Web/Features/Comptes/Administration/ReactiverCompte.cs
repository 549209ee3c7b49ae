using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Gives a deactivated account its access back (same password and 2FA; revoked tokens and feeds stay revoked:
/// the person makes new ones). Audited.</summary>
public sealed class ReactiverCompte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, JournalAudit audit)
{
    public async Task<ResultatActeCompte> ExecuteAsync(string utilisateurId, CancellationToken ct = default)
    {
        var utilisateur = await CompteDeLaCpts.TrouverAsync(db, utilisateurs, audit, utilisateurId, "Réactivation", ct);
        if (utilisateur is null)
        {
            return ResultatActeCompte.Introuvable;
        }
        if (utilisateur.DesactiveLeUtc is null)
        {
            return ResultatActeCompte.SansEffet;
        }
        utilisateur.DesactiveLeUtc = null;
        utilisateur.LockoutEnd = null;
        utilisateur.AccessFailedCount = 0;
        await utilisateurs.UpdateAsync(utilisateur);
        await audit.EnregistrerAsync("Reactivation", "Compte", utilisateur.Id, $"Compte {utilisateur.Email} réactivé", ct);
        return ResultatActeCompte.Fait;
    }
}
