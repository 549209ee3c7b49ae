using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>
/// A person leaves: the account can no longer sign in (locked without end), its API tokens and calendar feed are
/// revoked and its open sessions end at their next request (security stamp renewed, checked on every request by
/// <see cref="SessionsValides"/>). Nothing is deleted: the history keeps its author. Account-wide (roles and activation
/// belong to the account, ADR 5). Audited.
/// </summary>
public sealed class DesactiverCompte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, TimeProvider horloge, JournalAudit audit)
{
    public async Task<ResultatActeCompte> ExecuteAsync(string utilisateurId, string auteurId, CancellationToken ct = default)
    {
        var utilisateur = await CompteDeLaCpts.TrouverAsync(db, utilisateurs, audit, utilisateurId, "Désactivation", ct);
        if (utilisateur is null)
        {
            return ResultatActeCompte.Introuvable;
        }
        if (utilisateurId == auteurId || await CompteDeLaCpts.DernierCoordinateurAsync(db, utilisateurId, ct))
        {
            return ResultatActeCompte.Interdit;
        }
        if (utilisateur.DesactiveLeUtc is not null)
        {
            return ResultatActeCompte.SansEffet;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        utilisateur.DesactiveLeUtc = maintenant;
        utilisateur.LockoutEnabled = true;
        utilisateur.LockoutEnd = DateTimeOffset.MaxValue;
        await utilisateurs.UpdateSecurityStampAsync(utilisateur);
        var jetons = await db.JetonsApi.Where(j => j.UtilisateurId == utilisateurId && j.RevoqueLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RevoqueLeUtc, maintenant), ct);
        // The feed belongs to the directory entry, in whichever CPTS it was made.
        var flux = utilisateur.ProfessionnelId is { } pro
            ? await db.FluxCalendriers.IgnoreQueryFilters().Where(f => f.ProfessionnelId == pro && f.RevoqueLeUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevoqueLeUtc, maintenant), ct)
            : 0;
        await transaction.CommitAsync(ct);
        await audit.EnregistrerAsync("Desactivation", "Compte", utilisateur.Id,
            $"Compte {utilisateur.Email} désactivé : {jetons} jeton(s) d'API et {flux} flux d'agenda révoqués, sessions fermées", ct);
        return ResultatActeCompte.Fait;
    }
}
