using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>
/// The CPTS the current unit of work acts in: the one its <see cref="PerimetreCpts"/> is bound to (a request's CPTS,
/// resolved by <c>Comptes/Rattachement/CptsDeLaRequete</c>; a job's run; a CLI command's). Null when the unit of work
/// is bound to no CPTS (an account attached to none, system work over every CPTS).
/// </summary>
public sealed class CptsCourante(OpenCptsDb db)
{
    private Cpts? _cpts;

    public async Task<Cpts?> TrouverAsync(CancellationToken ct = default)
    {
        if (db.Perimetre.CptsId is not { } id)
        {
            return null;
        }
        if (_cpts?.Id != id)
        {
            _cpts = await db.Cpts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        }
        return _cpts;
    }

    public async Task<Cpts> ObtenirAsync(CancellationToken ct = default) =>
        await TrouverAsync(ct) ?? throw new InvalidOperationException(
            "Aucune CPTS n'est choisie : lancez `-- seed demo` ou créez la CPTS, et rattachez-y le compte.");

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
