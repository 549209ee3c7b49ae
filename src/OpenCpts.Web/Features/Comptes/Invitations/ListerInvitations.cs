using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Invitations;

public sealed record InvitationResume(int Id, string Email, string NomAffiche, string Role, DateTime EnvoyeeLeUtc, DateTime ExpireLeUtc, string InvitePar, bool Expiree);

/// <summary>The invitations of the current CPTS not accepted nor cancelled (expired ones included: they can be resent).</summary>
public sealed class ListerInvitations(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<IReadOnlyList<InvitationResume>> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return await db.Set<InvitationCompte>().AsNoTracking()
            .Where(i => i.AccepteeLeUtc == null && i.AnnuleeLeUtc == null)
            .OrderBy(i => i.Email)
            .Select(i => new InvitationResume(i.Id, i.Email, i.NomAffiche, i.Role, i.EnvoyeeLeUtc, i.ExpireLeUtc, i.InvitePar, i.ExpireLeUtc <= maintenant))
            .ToListAsync(ct);
    }
}
