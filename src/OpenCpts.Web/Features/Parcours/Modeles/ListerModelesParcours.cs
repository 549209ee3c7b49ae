using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>A pathway template in the list: its steps count, total length (the longest delay) and enrolments.</summary>
public sealed record LigneModeleParcours(int Id, string Nom, string? Description, int? ProtocoleId, string? TitreProtocole, bool Archive,
    int NombreEtapes, int DureeJours, int Inscriptions);

/// <summary>The pathway templates of the CPTS, active ones first, by name.</summary>
public sealed class ListerModelesParcours(OpenCptsDb db, CptsCourante cptsCourante)
{
    public async Task<IReadOnlyList<LigneModeleParcours>> ExecuteAsync(bool avecArchives, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return [];
        }
        var lignes = await db.ModelesParcours.AsNoTracking()
            .Where(m => m.CptsId == cpts.Id && (avecArchives || !m.Archive))
            .Select(m => new LigneModeleParcours(m.Id, m.Nom, m.Description, m.ProtocoleId,
                db.Protocoles.Where(p => p.Id == m.ProtocoleId).Select(p => p.Titre).FirstOrDefault(),
                m.Archive, m.Etapes.Count(), m.Etapes.Max(e => (int?)e.DelaiJours) ?? 0,
                db.InscriptionsParcours.Count(i => i.ModeleParcoursId == m.Id)))
            .ToListAsync(ct);
        var comparateur = StringComparer.Create(Infrastructure.Web.PlateformeWeb.Francais, true);
        return [.. lignes.OrderBy(l => l.Archive).ThenBy(l => l.Nom, comparateur)];
    }

    /// <summary>One template with its steps in order, or null.</summary>
    public async Task<ModeleParcours?> LireAsync(int id, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return null;
        }
        var modele = await db.ModelesParcours.AsNoTracking().Include(m => m.Etapes)
            .SingleOrDefaultAsync(m => m.Id == id && m.CptsId == cpts.Id, ct);
        modele?.Etapes.Sort((a, b) => a.Ordre.CompareTo(b.Ordre));
        return modele;
    }
}
