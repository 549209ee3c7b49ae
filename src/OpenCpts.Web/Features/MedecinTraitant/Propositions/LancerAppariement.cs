using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>A draft proposal just computed.</summary>
public sealed record PropositionCalculee(long Id, IReadOnlyList<AffectationCalculee> Affectations, int NonAffectees);

/// <summary>
/// Runs a matching over the waiting list and stores it as a draft proposal (<see cref="StatutsProposition.Brouillon"/>)
/// for the Coordination to review. A CPTS has at most one draft: an older one is abandoned, since its lines were
/// computed on capacities and a list that may have changed.
/// </summary>
public sealed class LancerAppariement(OpenCptsDb db, CptsCourante cpts, ChargerDonneesAppariement charger)
{
    public async Task<PropositionCalculee> ExecuteAsync(string? par, CancellationToken ct = default)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var donnees = await charger.ExecuteAsync(ct);
        var resultat = Appariement.Resoudre(donnees.Patients, donnees.PourSolveur());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PropositionsAppariement
            .Where(p => p.CptsId == cptsId && p.Statut == StatutsProposition.Brouillon)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Statut, StatutsProposition.Abandonnee), ct);
        var proposition = new PropositionAppariement
        {
            CptsId = cptsId,
            Statut = StatutsProposition.Brouillon,
            CreeePar = par,
            CreeeLeUtc = donnees.MaintenantUtc,
            NonAffectees = resultat.NonAffectees,
        };
        db.PropositionsAppariement.Add(proposition);
        await db.SaveChangesAsync(ct);
        db.AffectationsMt.AddRange(resultat.Affectations.Select(a => new AffectationMt
        {
            PropositionAppariementId = proposition.Id,
            DemandeMedecinTraitantId = a.DemandeId,
            ProfessionnelId = a.ProfessionnelId,
            Statut = StatutsAffectation.Proposee,
            DistanceKm = a.DistanceKm is { } km ? Math.Round(km, 1) : null,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new(proposition.Id, resultat.Affectations, resultat.NonAffectees);
    }
}
