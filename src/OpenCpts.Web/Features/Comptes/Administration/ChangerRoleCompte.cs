using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

public enum ResultatActeCompte
{
    Fait,
    Introuvable,
    /// <summary>The act would leave the CPTS without an active coordinator, or targets the caller's own account.</summary>
    Interdit,
    /// <summary>Nothing to do (same role, already deactivated or active…).</summary>
    SansEffet,
}

/// <summary>
/// The Coordination gives an account another role (one role per account). The account's sessions and API tokens end
/// (security stamp renewed): the person signs in again with the new rights. Audited.
/// </summary>
public sealed class ChangerRoleCompte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles, JournalAudit audit)
{
    public async Task<ResultatActeCompte> ExecuteAsync(string utilisateurId, string role, string auteurId, CancellationToken ct = default)
    {
        if (!Roles.Tous.Contains(role) || role == Roles.PlateformeSas)
        {
            return ResultatActeCompte.Interdit;
        }
        var utilisateur = await CompteDeLaCpts.TrouverAsync(db, utilisateurs, audit, utilisateurId, "Changement de rôle", ct);
        if (utilisateur is null)
        {
            return ResultatActeCompte.Introuvable;
        }
        var actuels = await utilisateurs.GetRolesAsync(utilisateur);
        if (actuels.Contains(Roles.PlateformeSas) || utilisateurId == auteurId
            || (actuels.Contains(Roles.Coordination) && role != Roles.Coordination && await CompteDeLaCpts.DernierCoordinateurAsync(db, utilisateurId, ct)))
        {
            return ResultatActeCompte.Interdit;
        }
        if (actuels.Count == 1 && actuels[0] == role)
        {
            return ResultatActeCompte.SansEffet;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        await utilisateurs.RemoveFromRolesAsync(utilisateur, actuels);
        await utilisateurs.AddToRoleAsync(utilisateur, role);
        await utilisateurs.UpdateSecurityStampAsync(utilisateur);
        await transaction.CommitAsync(ct);
        await audit.EnregistrerAsync("Modification", "Compte", utilisateur.Id,
            $"Rôle de {utilisateur.Email} : {string.Join(", ", actuels.Select(Roles.Libelle))} → {Roles.Libelle(role)}", ct);
        return ResultatActeCompte.Fait;
    }
}
