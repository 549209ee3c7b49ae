using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

public enum ResultatFusionMt
{
    Fusionnee,
    Introuvable,
    /// <summary>The duplicate is no longer waiting (proposed, placed, merged…) or the kept request is closed.</summary>
    Impossible,
    MemeDemande,
}

/// <summary>
/// Merges a duplicate into the kept request, by a person: the duplicate becomes <see cref="StatutsDemandeMt.Fusionnee"/>
/// pointing to the kept one; the kept one gets the earliest registration date (the patient keeps his seniority) and the
/// union of the criteria; both histories say so. One transaction, with a conditional update on the duplicate.
/// </summary>
public sealed class FusionnerDemandesMt(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<ResultatFusionMt> ExecuteAsync(long conserveeId, long doublonId, string? par, CancellationToken ct = default)
    {
        if (conserveeId == doublonId)
        {
            return ResultatFusionMt.MemeDemande;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var conservee = await db.DemandesMedecinTraitant.FirstOrDefaultAsync(x => x.Id == conserveeId, ct);
        var doublon = await db.DemandesMedecinTraitant.AsNoTracking().FirstOrDefaultAsync(x => x.Id == doublonId, ct);
        if (conservee is null || doublon is null || conservee.CptsId != doublon.CptsId)
        {
            return ResultatFusionMt.Introuvable;
        }
        if (!DetecterDoublons.StatutsOuverts.Contains(conservee.Statut))
        {
            return ResultatFusionMt.Impossible;
        }
        var modifiees = await db.DemandesMedecinTraitant
            .Where(x => x.Id == doublonId && x.Statut == StatutsDemandeMt.EnAttente)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Statut, StatutsDemandeMt.Fusionnee)
                .SetProperty(x => x.FusionneeDansId, conserveeId), ct);
        if (modifiees == 0)
        {
            return ResultatFusionMt.Impossible;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (doublon.InscritLeUtc < conservee.InscritLeUtc)
        {
            conservee.InscritLeUtc = doublon.InscritLeUtc;
        }
        conservee.Criteres |= doublon.Criteres;
        if (conservee.Ins is null && doublon.Ins is not null)
        {
            conservee.Ins = doublon.Ins;
        }
        conservee.Telephone ??= doublon.Telephone;
        conservee.Email ??= doublon.Email;
        if (!conservee.ConsentementContact && doublon.ConsentementContact)
        {
            conservee.ConsentementContact = true;
            conservee.ConsentementLeUtc = doublon.ConsentementLeUtc;
        }
        db.HistoriqueDemandesMt.AddRange(
            new HistoriqueDemandeMt
            {
                DemandeMedecinTraitantId = doublonId,
                AncienStatut = doublon.Statut,
                NouveauStatut = StatutsDemandeMt.Fusionnee,
                Commentaire = "Fusionnée dans " + conservee.Reference,
                Par = par,
                LeUtc = maintenant,
            },
            new HistoriqueDemandeMt
            {
                DemandeMedecinTraitantId = conserveeId,
                AncienStatut = conservee.Statut,
                NouveauStatut = conservee.Statut,
                Commentaire = "Doublon " + doublon.Reference + " fusionné ici",
                Par = par,
                LeUtc = maintenant,
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ResultatFusionMt.Fusionnee;
    }
}
