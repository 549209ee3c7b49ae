using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>Marks an account's notifications read: one (returned, to follow its link), or all of them.</summary>
public sealed class MarquerNotificationsLues(OpenCptsDb db, TimeProvider horloge, Infrastructure.Audit.JournalAudit audit)
{
    /// <summary>The notification, now read; null when it is not one of the account's (unknown or someone else's).</summary>
    public async Task<LigneNotification?> UneAsync(string utilisateurId, long id, CancellationToken ct = default)
    {
        var n = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UtilisateurId == utilisateurId, ct);
        if (n is null)
        {
            await audit.EnregistrerAsync("Refus", "Notification", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Notification inconnue ou d'un autre compte", ct);
            return null;
        }
        if (n.LueLeUtc is null)
        {
            n.LueLeUtc = horloge.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return new LigneNotification(n.Id, n.Type, n.Titre, n.Lien, n.CreeLeUtc, true);
    }

    /// <summary>Returns how many were unread.</summary>
    public Task<int> ToutesAsync(string utilisateurId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return db.Set<Notification>().Where(n => n.UtilisateurId == utilisateurId && n.LueLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LueLeUtc, maintenant), ct);
    }
}
