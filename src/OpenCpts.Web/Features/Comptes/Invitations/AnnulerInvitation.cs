using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Invitations;

/// <summary>Cancels an invitation not yet accepted: its link stops working at once. False when the CPTS has no such
/// open invitation.</summary>
public sealed class AnnulerInvitation(OpenCptsDb db, TimeProvider horloge, JournalAudit audit)
{
    public async Task<bool> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var invitation = await db.Set<InvitationCompte>().FirstOrDefaultAsync(i => i.Id == id && i.AccepteeLeUtc == null && i.AnnuleeLeUtc == null, ct);
        if (invitation is null)
        {
            await audit.EnregistrerAsync("Refus", "Invitation", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Annulation d'une invitation inconnue, close ou d'une autre CPTS", ct);
            return false;
        }
        invitation.AnnuleeLeUtc = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.EnregistrerAsync("Annulation", "Compte", invitation.Email, $"Invitation de {invitation.Email} annulée", ct);
        return true;
    }
}
