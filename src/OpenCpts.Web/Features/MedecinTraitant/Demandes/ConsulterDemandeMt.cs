using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>One line of history, with the labels ready to show.</summary>
public sealed record LigneHistoriqueMt(DateTime LeUtc, string? AncienStatut, string NouveauStatut, string? Commentaire, string? Par);

/// <summary>Everything the detail page shows about a request.</summary>
public sealed record FicheDemandeMt(
    DemandeMedecinTraitant Demande, string? NomCommune, ScorePriorite Score, IReadOnlyList<LigneHistoriqueMt> Historique,
    IReadOnlyList<DoublonPossible> Doublons, string? ReferenceFusionneeDans);

/// <summary>Loads a request with its score, history and possible duplicates (the caller audits the read).</summary>
public sealed class ConsulterDemandeMt(OpenCptsDb db, DetecterDoublons doublons, ChargerPonderation ponderation, TimeProvider horloge)
{
    public async Task<FicheDemandeMt?> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var d = await db.DemandesMedecinTraitant.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }
        var poids = await ponderation.ExecuteAsync(d.CptsId, ct);
        var historique = await db.HistoriqueDemandesMt.AsNoTracking().Where(h => h.DemandeMedecinTraitantId == id)
            .OrderBy(h => h.LeUtc).ThenBy(h => h.Id)
            .Select(h => new LigneHistoriqueMt(h.LeUtc, h.AncienStatut, h.NouveauStatut, h.Commentaire, h.Par)).ToListAsync(ct);
        var candidats = DetecterDoublons.StatutsOuverts.Contains(d.Statut)
            ? await doublons.ExecuteAsync(d.CptsId, d.NomNormalise, d.DateNaissance, d.Ins, d.Id, ct)
            : [];
        var nomCommune = await db.Communes.Where(c => c.CodeInsee == d.CodeCommune).Select(c => c.Nom).FirstOrDefaultAsync(ct);
        var fusionneeDans = d.FusionneeDansId is { } cible
            ? await db.DemandesMedecinTraitant.Where(x => x.Id == cible).Select(x => x.Reference).FirstOrDefaultAsync(ct)
            : null;
        return new FicheDemandeMt(d, nomCommune, CalculerPriorite.Expliquer(poids, d.Criteres, d.InscritLeUtc, horloge.GetUtcNow().UtcDateTime),
            historique, candidats, fusionneeDans);
    }
}
