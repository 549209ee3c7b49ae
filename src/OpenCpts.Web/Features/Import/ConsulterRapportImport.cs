using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>A persisted import report with its kept rejected lines, in line order (null when unknown).</summary>
public sealed class ConsulterRapportImport(OpenCptsDb db)
{
    public Task<RapportImport?> ExecuteAsync(int id, CancellationToken ct = default) =>
        db.RapportsImport.AsNoTracking()
            .Include(r => r.Rejets.OrderBy(j => j.Ligne))
            .FirstOrDefaultAsync(r => r.Id == id, ct);
}
