using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

public enum ResultatConfirmation
{
    Placee,
    /// <summary>Unknown request, or not in the accepted state.</summary>
    Introuvable,
}

/// <summary>
/// The Coordination confirms that the médecin traitant declaration was made: the request is closed as
/// <see cref="StatutsDemandeMt.Placee"/> with the GP who accepted, the date, and a history row.
/// </summary>
public sealed class ConfirmerDeclaration(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<ResultatConfirmation> ExecuteAsync(long demandeId, string? par, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var medecinId = await db.AffectationsMt
            .Where(a => a.DemandeMedecinTraitantId == demandeId && a.Statut == StatutsAffectation.Acceptee)
            .OrderByDescending(a => a.RepondueLeUtc)
            .Select(a => (int?)a.ProfessionnelId)
            .FirstOrDefaultAsync(ct);
        if (medecinId is null)
        {
            return ResultatConfirmation.Introuvable;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var placee = await db.DemandesMedecinTraitant.Where(d => d.Id == demandeId && d.Statut == StatutsDemandeMt.Acceptee)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Statut, StatutsDemandeMt.Placee)
                .SetProperty(d => d.MedecinProfessionnelId, medecinId)
                .SetProperty(d => d.PlaceeLeUtc, maintenant), ct);
        if (placee == 0)
        {
            return ResultatConfirmation.Introuvable;
        }
        db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
        {
            DemandeMedecinTraitantId = demandeId,
            AncienStatut = StatutsDemandeMt.Acceptee,
            NouveauStatut = StatutsDemandeMt.Placee,
            Commentaire = "Déclaration de médecin traitant confirmée",
            Par = par,
            LeUtc = maintenant,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ResultatConfirmation.Placee;
    }
}
