using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>Filters of the protocols library: text in the title or pathology (accents ignored), status, profession.</summary>
public sealed record FiltreProtocoles(string? Texte = null, string? Statut = null, string? Profession = null);

/// <summary>A line of the protocols library.</summary>
public sealed record LigneProtocole(int Id, string Titre, string Pathologie, IReadOnlyList<string> Professions, string? GroupeTravail,
    string Statut, int Version, DateTime MisAJourLeUtc);

/// <summary>
/// The protocols library, filtered. A CPTS has tens of protocols, not thousands: they are read in one query and
/// filtered in memory, which keeps the accent-insensitive text search and the profession filter exact on both providers.
/// </summary>
public sealed class RechercherProtocoles(OpenCptsDb db, CptsCourante cptsCourante)
{
    public async Task<IReadOnlyList<LigneProtocole>> ExecuteAsync(FiltreProtocoles filtre, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return [];
        }
        var protocoles = await db.Protocoles.AsNoTracking()
            .Where(p => p.CptsId == cpts.Id)
            .Select(p => new { p.Id, p.Titre, p.Pathologie, p.Professions, p.GroupeTravail, p.Statut, p.VersionCourante, p.MisAJourLeUtc })
            .ToListAsync(ct);
        var texte = TexteRecherche.Normaliser(filtre.Texte);
        var comparateur = StringComparer.Create(Infrastructure.Web.PlateformeWeb.Francais, true);
        return [.. protocoles
            .Select(p => new LigneProtocole(p.Id, p.Titre, p.Pathologie, p.Professions.Split('|', StringSplitOptions.RemoveEmptyEntries),
                p.GroupeTravail, p.Statut, p.VersionCourante, p.MisAJourLeUtc))
            .Where(p => texte.Length == 0
                || TexteRecherche.Normaliser(p.Pathologie).Contains(texte, StringComparison.Ordinal)
                || TexteRecherche.Normaliser(p.Titre).Contains(texte, StringComparison.Ordinal))
            .Where(p => string.IsNullOrEmpty(filtre.Statut) || p.Statut == filtre.Statut)
            .Where(p => string.IsNullOrEmpty(filtre.Profession) || p.Professions.Contains(filtre.Profession, StringComparer.Ordinal))
            .OrderBy(p => ListerProtocoles.RangStatut(p.Statut))
            .ThenBy(p => p.Titre, comparateur)
            .ThenBy(p => p.Id)];
    }
}
