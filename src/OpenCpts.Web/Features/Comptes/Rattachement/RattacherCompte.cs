using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Rattachement;

/// <summary>Outcome of attaching an account to the current CPTS by its e-mail address.</summary>
public abstract record ResultatRattachement
{
    public sealed record Rattache(string Email) : ResultatRattachement;
    public sealed record DejaRattache(string Email) : ResultatRattachement;
    public sealed record CompteInconnu : ResultatRattachement;
    public sealed record SansCpts : ResultatRattachement;
}

/// <summary>
/// Attaches an account to a CPTS, so that it may act there (a member of two CPTS keeps one account). The explicit,
/// audited act by which an account gains a CPTS; idempotent.
/// </summary>
public sealed class RattacherCompte(OpenCptsDb db, JournalAudit audit, TimeProvider horloge)
{
    /// <summary>The Coordination attaches an existing account of the platform to its own CPTS.</summary>
    public async Task<ResultatRattachement> ParEmailAsync(string email, CancellationToken ct = default)
    {
        if (db.Perimetre.CptsId is not { } cptsId)
        {
            return new ResultatRattachement.SansCpts();
        }
        var normalise = email.Trim().ToUpperInvariant();
        var compte = await db.Users.Where(u => u.NormalizedEmail == normalise).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        if (compte is null)
        {
            return new ResultatRattachement.CompteInconnu();
        }
        return await ExecuterAsync(compte.Id, cptsId, audit.Auteur(), ct)
            ? new ResultatRattachement.Rattache(compte.Email ?? email)
            : new ResultatRattachement.DejaRattache(compte.Email ?? email);
    }

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
        await audit.EnregistrerPourCptsAsync([cptsId], "Rattachement", "Compte", utilisateurId, $"Compte rattaché à la CPTS {cptsId}");
        return true;
    }
}
