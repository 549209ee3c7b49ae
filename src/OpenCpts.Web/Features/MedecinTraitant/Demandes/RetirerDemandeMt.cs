using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

public enum ResultatRetraitMt
{
    Retiree,
    Introuvable,
    Close,
    MotifObligatoire,
}

/// <summary>Withdraws an open request (found a GP alone, moved away…), with the reason in the history.</summary>
public sealed class RetirerDemandeMt(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<ResultatRetraitMt> ExecuteAsync(long id, string? motif, string? par, CancellationToken ct = default)
    {
        motif = motif?.Trim();
        if (string.IsNullOrEmpty(motif))
        {
            return ResultatRetraitMt.MotifObligatoire;
        }
        if (motif.Length > 500)
        {
            motif = motif[..500];
        }
        var d = await db.DemandesMedecinTraitant.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return ResultatRetraitMt.Introuvable;
        }
        var ancien = d.Statut;
        // Conditional update: two people withdrawing or merging at once cannot both succeed.
        var modifiees = await db.DemandesMedecinTraitant
            .Where(x => x.Id == id && DetecterDoublons.StatutsOuverts.Contains(x.Statut))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, StatutsDemandeMt.Retiree), ct);
        if (modifiees == 0)
        {
            return ResultatRetraitMt.Close;
        }
        db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
        {
            DemandeMedecinTraitantId = id,
            AncienStatut = ancien,
            NouveauStatut = StatutsDemandeMt.Retiree,
            Commentaire = motif,
            Par = par,
            LeUtc = horloge.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return ResultatRetraitMt.Retiree;
    }
}
