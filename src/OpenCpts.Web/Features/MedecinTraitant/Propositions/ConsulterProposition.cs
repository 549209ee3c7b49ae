using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>One line of a proposal as the Coordination reviews it.</summary>
public sealed record LignePropositionVue(
    long AffectationId,
    long DemandeId,
    string Reference,
    string Patient,
    int Age,
    string Commune,
    CriteresPriorite Criteres,
    int Score,
    int ProfessionnelId,
    string Medecin,
    double? DistanceKm,
    string Statut,
    string? MotifRefus);

public sealed record PropositionVue(PropositionAppariement Proposition, IReadOnlyList<LignePropositionVue> Lignes);

/// <summary>A request accepted by a GP, awaiting the confirmation of the declaration.</summary>
public sealed record AcceptationASuivre(long DemandeId, string Reference, string Patient, string? Telephone, string Medecin, DateTime AccepteeLeUtc);

/// <summary>Reads proposals for the Coordination's review page: the current draft or a given one, and the accepted patients to follow.</summary>
public sealed class ConsulterProposition(OpenCptsDb db, CptsCourante cpts, TimeProvider horloge)
{
    public async Task<PropositionVue?> ExecuteAsync(long? id, CancellationToken ct = default)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var requete = db.PropositionsAppariement.AsNoTracking().Where(p => p.CptsId == cptsId);
        var proposition = id is { } pid
            ? await requete.SingleOrDefaultAsync(p => p.Id == pid, ct)
            : await requete.Where(p => p.Statut == StatutsProposition.Brouillon).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (proposition is null)
        {
            return null;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var poids = await db.PonderationsPriorite.AsNoTracking().FirstOrDefaultAsync(p => p.CptsId == cptsId, ct) ?? new PonderationPriorite();
        var lignes = await (from a in db.AffectationsMt.AsNoTracking()
                            join d in db.DemandesMedecinTraitant on a.DemandeMedecinTraitantId equals d.Id
                            join p in db.Professionnels on a.ProfessionnelId equals p.Id
                            join c in db.Communes on d.CodeCommune equals c.CodeInsee
                            where a.PropositionAppariementId == proposition.Id
                            select new { a, d.Reference, d.Prenom, d.Nom, d.DateNaissance, Commune = c.Nom, d.Criteres, d.InscritLeUtc, p.CiviliteExercice, MPrenom = p.Prenom, MNom = p.Nom })
            .ToListAsync(ct);
        return new(proposition, [.. lignes
            .Select(l => new LignePropositionVue(l.a.Id, l.a.DemandeMedecinTraitantId, l.Reference, $"{l.Nom.ToUpper(PlateformeWeb.Francais)} {l.Prenom}",
                ChargerDonneesAppariement.Age(l.DateNaissance, maintenant), l.Commune, l.Criteres,
                CalculerPriorite.Total(poids, l.Criteres, l.InscritLeUtc, maintenant), l.a.ProfessionnelId,
                Annuaire.Civilites.NomAffiche(l.CiviliteExercice, l.MPrenom, l.MNom), l.a.DistanceKm, l.a.Statut, l.a.MotifRefus))
            .OrderByDescending(l => l.Score).ThenBy(l => l.Reference, StringComparer.Ordinal)]);
    }

    /// <summary>Sent proposals, newest first, with their counts per line status.</summary>
    public async Task<IReadOnlyList<(PropositionAppariement Proposition, Dictionary<string, int> ParStatut)>> EnvoyeesAsync(CancellationToken ct = default)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var propositions = await db.PropositionsAppariement.AsNoTracking()
            .Where(p => p.CptsId == cptsId && p.Statut == StatutsProposition.Envoyee)
            .OrderByDescending(p => p.Id).Take(20).ToListAsync(ct);
        var ids = propositions.Select(p => p.Id).ToList();
        var comptes = await db.AffectationsMt.Where(a => ids.Contains(a.PropositionAppariementId))
            .GroupBy(a => new { a.PropositionAppariementId, a.Statut })
            .Select(g => new { g.Key.PropositionAppariementId, g.Key.Statut, Nombre = g.Count() })
            .ToListAsync(ct);
        return [.. propositions.Select(p => (p, comptes.Where(c => c.PropositionAppariementId == p.Id).ToDictionary(c => c.Statut, c => c.Nombre)))];
    }

    public async Task<IReadOnlyList<AcceptationASuivre>> AcceptationsAsync(CancellationToken ct = default)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var lignes = await (from d in db.DemandesMedecinTraitant.AsNoTracking()
                            join a in db.AffectationsMt on d.Id equals a.DemandeMedecinTraitantId
                            join p in db.Professionnels on a.ProfessionnelId equals p.Id
                            where d.CptsId == cptsId && d.Statut == StatutsDemandeMt.Acceptee && a.Statut == StatutsAffectation.Acceptee
                            orderby a.RepondueLeUtc
                            select new { d.Id, d.Reference, d.Nom, d.Prenom, d.Telephone, p.CiviliteExercice, MPrenom = p.Prenom, MNom = p.Nom, a.RepondueLeUtc })
            .ToListAsync(ct);
        return [.. lignes.DistinctBy(l => l.Id).Select(l => new AcceptationASuivre(l.Id, l.Reference, $"{l.Nom.ToUpper(PlateformeWeb.Francais)} {l.Prenom}", l.Telephone,
            Annuaire.Civilites.NomAffiche(l.CiviliteExercice, l.MPrenom, l.MNom), l.RepondueLeUtc ?? default))];
    }
}
