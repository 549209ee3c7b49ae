using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Invitations;

/// <summary>
/// Sends a pending or expired invitation again, with a new secret and a new week: the link of the previous e-mail
/// stops working. Null when the CPTS has no such invitation still open (accepted or cancelled ones are final).
/// </summary>
public sealed class RenvoyerInvitation(OpenCptsDb db, LiensCompte liens, TimeProvider horloge, JournalAudit audit)
{
    public async Task<ResultatInvitation.Envoyee?> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var invitation = await db.Set<InvitationCompte>().FirstOrDefaultAsync(i => i.Id == id && i.AccepteeLeUtc == null && i.AnnuleeLeUtc == null, ct);
        if (invitation is null)
        {
            await audit.EnregistrerAsync("Refus", "Invitation", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Renvoi d'une invitation inconnue, close ou d'une autre CPTS", ct);
            return null;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var secret = InvitationCompte.NouveauSecret();
        invitation.Empreinte = InvitationCompte.EmpreinteDe(secret);
        invitation.EnvoyeeLeUtc = maintenant;
        invitation.ExpireLeUtc = maintenant + InvitationCompte.Validite;
        await db.SaveChangesAsync(ct);
        await audit.EnregistrerAsync("Invitation", "Compte", invitation.Email, $"Invitation de {invitation.Email} renvoyée", ct);
        var (lien, envoye) = await InviterCompte.EnvoyerAsync(db, liens, invitation, secret, ct);
        return new ResultatInvitation.Envoyee(invitation.Id, invitation.Email, lien, envoye);
    }
}
