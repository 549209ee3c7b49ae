using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>What the progress partial shows: the running import, then its report.</summary>
/// <param name="Termine">Read once: the import may finish while the partial renders, and a view that read the live
/// flag twice showed "Import impossible" (finished, but no report loaded) and stopped polling.</param>
public sealed record VueProgression(SuiviImport Suivi, bool Termine, RapportImport? Rapport);

/// <summary>A past import in the history list.</summary>
public sealed record LigneHistorique(int Id, DateTime DebutUtc, string NomFichier, string Statut, string? LanceePar,
    long Lues, long Creees, long MisesAJour, long Rejetees);

/// <summary>The imports as the upload pages show them: a persisted report, the progress of a running one, the history.</summary>
public sealed class ConsulterRapportImport(OpenCptsDb db, ImportsEnCours imports)
{
    /// <summary>A persisted import report with its kept rejected lines, in line order (null when unknown).</summary>
    public Task<RapportImport?> ExecuteAsync(int id, CancellationToken ct = default) =>
        db.RapportsImport.AsNoTracking()
            .Include(r => r.Rejets.OrderBy(j => j.Ligne))
            .FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>An import of <paramref name="type"/> started from this CPTS, with its report once finished; null when unknown.</summary>
    public async Task<VueProgression?> ProgressionAsync(Guid id, string type, CancellationToken ct = default)
    {
        var suivi = imports.Trouver(id, db.Perimetre.CptsId, type);
        if (suivi is null)
        {
            return null;
        }
        var termine = suivi.Termine;
        RapportImport? rapport = null;
        if (termine && suivi.RapportId is { } rapportId)
        {
            rapport = await ExecuteAsync(rapportId, ct);
        }
        return new VueProgression(suivi, termine, rapport);
    }

    /// <summary>The 20 latest imports of <paramref name="type"/>.</summary>
    public async Task<IReadOnlyList<LigneHistorique>> HistoriqueAsync(string type, CancellationToken ct = default) =>
        await db.RapportsImport.AsNoTracking()
            .Where(r => r.Type == type)
            .OrderByDescending(r => r.DebutUtc).ThenByDescending(r => r.Id)
            .Take(20)
            .Select(r => new LigneHistorique(r.Id, r.DebutUtc, r.NomFichier, r.Statut, r.LanceePar, r.Lues, r.Creees, r.MisesAJour, r.Rejetees))
            .ToListAsync(ct);
}
