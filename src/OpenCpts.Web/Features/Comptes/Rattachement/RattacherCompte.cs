using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Rattachement;

/// <summary>Attaches an account to a CPTS, so that it may act there. Idempotent; audited.</summary>
public sealed class RattacherCompte(OpenCptsDb db, JournalAudit audit, TimeProvider horloge)
{
    /// <returns>True when the account was attached now, false when it already was.</returns>
    public async Task<bool> ExecuterAsync(string utilisateurId, int cptsId, string? par, CancellationToken ct = default)
    {
        if (await db.Set<RattachementCpts>().AnyAsync(r => r.UtilisateurId == utilisateurId && r.CptsId == cptsId, ct))
        {
            return false;
        }
        db.Set<RattachementCpts>().Add(new RattachementCpts
        {
            UtilisateurId = utilisateurId,
            CptsId = cptsId,
            RattacheLeUtc = horloge.GetUtcNow().UtcDateTime,
            RattachePar = par,
        });
        await db.SaveChangesAsync(ct);
        await audit.EnregistrerAsync("Rattachement", "Compte", utilisateurId, $"CPTS {cptsId}", ct);
        return true;
    }
}
