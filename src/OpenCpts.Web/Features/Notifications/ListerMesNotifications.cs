using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Notifications;

public sealed record LigneNotification(long Id, string Type, string Titre, string Lien, DateTime CreeLeUtc, bool Lue);

/// <summary>An account's notifications in the current CPTS: unread first, then the newest, at most <see cref="Limite"/>.</summary>
public sealed class ListerMesNotifications(OpenCptsDb db)
{
    public const int Limite = 200;

    public async Task<IReadOnlyList<LigneNotification>> ExecuteAsync(string utilisateurId, CancellationToken ct = default) =>
        await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UtilisateurId == utilisateurId)
            .OrderBy(n => n.LueLeUtc == null ? 0 : 1).ThenByDescending(n => n.CreeLeUtc).ThenByDescending(n => n.Id)
            .Take(Limite)
            .Select(n => new LigneNotification(n.Id, n.Type, n.Titre, n.Lien, n.CreeLeUtc, n.LueLeUtc != null))
            .ToListAsync(ct);

    /// <summary>The bell's number: one COUNT on the (CPTS, account, read) index.</summary>
    public Task<int> NonLuesAsync(string utilisateurId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.UtilisateurId == utilisateurId && n.LueLeUtc == null, ct);
}
