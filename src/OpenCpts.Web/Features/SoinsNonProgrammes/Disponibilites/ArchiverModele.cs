using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>Ends a pattern: its future free slots are withdrawn, booked appointments are kept.</summary>
public sealed class ArchiverModele(OpenCptsDb db, TimeProvider horloge, MaterialiserCreneaux materialiser)
{
    /// <summary>False when the pattern is not the professional's (or already archived).</summary>
    public async Task<bool> ExecuteAsync(int professionnelId, int modeleId, CancellationToken ct = default)
    {
        var modele = await db.ModelesDisponibilite.FirstOrDefaultAsync(m => m.Id == modeleId && m.ProfessionnelId == professionnelId && !m.Archive, ct);
        if (modele is null)
        {
            return false;
        }
        modele.Archive = true;
        modele.MisAJourLeUtc = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await materialiser.ModeleAsync(modeleId, ct);
        return true;
    }
}
