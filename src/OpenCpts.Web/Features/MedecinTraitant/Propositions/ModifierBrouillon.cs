using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

public enum ResultatModificationBrouillon
{
    Modifiee,
    Introuvable,
    /// <summary>The proposal is no longer a draft.</summary>
    PasUnBrouillon,
    /// <summary>The chosen GP does not take this patient (paused, restriction) or has no place left.</summary>
    MedecinNonEligible,
}

/// <summary>
/// Review of a draft by the Coordination: remove a line, or give the patient to another GP — only one who takes him
/// and still has room once the other lines of the draft are counted.
/// </summary>
public sealed class ModifierBrouillon(OpenCptsDb db, ChargerDonneesAppariement charger, TimeProvider horloge)
{
    public async Task<ResultatModificationBrouillon> RetirerAsync(long affectationId, CancellationToken ct = default)
    {
        var ligne = await LigneAsync(affectationId, ct);
        if (ligne is null)
        {
            return ResultatModificationBrouillon.Introuvable;
        }
        if (ligne.Value.StatutProposition != StatutsProposition.Brouillon)
        {
            return ResultatModificationBrouillon.PasUnBrouillon;
        }
        await db.AffectationsMt.Where(a => a.Id == affectationId && a.Statut == StatutsAffectation.Proposee)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Statut, StatutsAffectation.Retiree), ct);
        return ResultatModificationBrouillon.Modifiee;
    }

    public async Task<ResultatModificationBrouillon> ReaffecterAsync(long affectationId, int professionnelId, CancellationToken ct = default)
    {
        var ligne = await LigneAsync(affectationId, ct);
        if (ligne is null)
        {
            return ResultatModificationBrouillon.Introuvable;
        }
        var (affectation, statutProposition) = ligne.Value;
        if (statutProposition != StatutsProposition.Brouillon)
        {
            return ResultatModificationBrouillon.PasUnBrouillon;
        }
        var medecin = (await charger.MedecinsAsync(professionnelId, ct)).SingleOrDefault();
        if (medecin is null)
        {
            return ResultatModificationBrouillon.MedecinNonEligible;
        }
        var dansLeBrouillon = await db.AffectationsMt.CountAsync(a => a.PropositionAppariementId == affectation.PropositionAppariementId
            && a.ProfessionnelId == professionnelId && a.Statut == StatutsAffectation.Proposee && a.Id != affectationId, ct);
        var demande = await db.DemandesMedecinTraitant.AsNoTracking().Where(d => d.Id == affectation.DemandeMedecinTraitantId)
            .Select(d => new { d.DateNaissance, d.Criteres, d.CodeCommune }).SingleAsync(ct);
        var lieux = await charger.LieuxCommunesAsync([demande.CodeCommune], ct);
        if (!lieux.TryGetValue(demande.CodeCommune, out var lieu))
        {
            return ResultatModificationBrouillon.MedecinNonEligible;
        }
        var patient = new PatientAApparier(affectation.DemandeMedecinTraitantId, 0,
            ChargerDonneesAppariement.Age(demande.DateNaissance, horloge.GetUtcNow().UtcDateTime), demande.Criteres, lieu);
        var pourSolveur = ChargerDonneesAppariement.PourSolveur(medecin) with { CapaciteRestante = medecin.CapaciteRestante - dansLeBrouillon };
        if (!Appariement.EstEligible(patient, pourSolveur))
        {
            return ResultatModificationBrouillon.MedecinNonEligible;
        }
        var km = Appariement.Mesurer(lieu, medecin.Lieu).Km;
        await db.AffectationsMt.Where(a => a.Id == affectationId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ProfessionnelId, professionnelId)
                .SetProperty(a => a.Statut, StatutsAffectation.Proposee)
                .SetProperty(a => a.DistanceKm, km is { } d ? Math.Round(d, 1) : null), ct);
        return ResultatModificationBrouillon.Modifiee;
    }

    private async Task<(AffectationMt Affectation, string StatutProposition)?> LigneAsync(long affectationId, CancellationToken ct)
    {
        var ligne = await (from a in db.AffectationsMt.AsNoTracking()
                           join p in db.PropositionsAppariement on a.PropositionAppariementId equals p.Id
                           where a.Id == affectationId
                           select new { a, p.Statut }).SingleOrDefaultAsync(ct);
        return ligne is null ? null : (ligne.a, ligne.Statut);
    }
}
