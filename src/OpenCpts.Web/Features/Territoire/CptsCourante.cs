using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>
/// The CPTS this host serves. One host serves one CPTS for now (docs/adr/0002); the model already
/// keys territory and membership by CPTS so that a regional host can serve several later.
/// </summary>
public sealed class CptsCourante(OpenCptsDb db)
{
    private Cpts? _cpts;

    /// <summary>The CPTS of this host: the first one created. Null before any CPTS exists.</summary>
    public async Task<Cpts?> TrouverAsync(CancellationToken ct = default) =>
        _cpts ??= await db.Cpts.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);

    public async Task<Cpts> ObtenirAsync(CancellationToken ct = default) =>
        await TrouverAsync(ct) ?? throw new InvalidOperationException(
            "Aucune CPTS n'est configurée : lancez `-- seed demo` ou créez la CPTS.");

    /// <summary>INSEE codes of the territory's communes.</summary>
    public async Task<HashSet<string>> CodesCommunesAsync(CancellationToken ct = default)
    {
        var cpts = await TrouverAsync(ct);
        if (cpts is null)
        {
            return [];
        }
        var codes = await db.CommunesTerritoire.Where(t => t.CptsId == cpts.Id).Select(t => t.CodeInsee).ToListAsync(ct);
        return [.. codes];
    }
}
