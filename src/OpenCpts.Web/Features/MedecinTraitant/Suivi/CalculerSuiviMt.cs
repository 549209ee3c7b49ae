using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant.Suivi;

public sealed record Effectif(string Libelle, int Nombre);

/// <summary>Aggregates of the waiting list: counts only, never an identity.</summary>
public sealed record SuiviMt(
    int EnAttente, int Proposees, int Acceptees, int PlaceesTotal,
    IReadOnlyList<Effectif> ParPriorite, IReadOnlyList<Effectif> ParCommune, IReadOnlyList<Effectif> PlaceesParMois,
    int? AttenteMedianeJours, int? AttenteP90Jours, int MedecinsParticipants, int CapaciteMensuelle, int AccepteesCeMois);

/// <summary>
/// Follow-up of the list. Priority bands are on the score (below 30, 30–59, 60–89, 90 and more). Waiting times are
/// those of the patients waiting now (days since registration); the 90th percentile is the nearest-rank one.
/// GP participation and capacity come from the GP capacities and the answers to proposals.
/// </summary>
public sealed class CalculerSuiviMt(OpenCptsDb db, CptsCourante cpts, ChargerPonderation ponderation, TimeProvider horloge)
{
    public static readonly IReadOnlyList<(int Min, string Libelle)> Tranches =
        [(90, "90 points et plus"), (60, "60 à 89 points"), (30, "30 à 59 points"), (int.MinValue, "Moins de 30 points")];

    public async Task<SuiviMt> ExecuteAsync(CancellationToken ct = default)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var poids = await ponderation.ExecuteAsync(cptsId, ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var demandes = db.DemandesMedecinTraitant.AsNoTracking().Where(d => d.CptsId == cptsId);

        var parStatut = await demandes.GroupBy(d => d.Statut).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var attente = await demandes.Where(d => d.Statut == StatutsDemandeMt.EnAttente)
            .Select(d => new { d.Criteres, d.InscritLeUtc, d.CodeCommune }).ToListAsync(ct);

        var scores = attente.Select(d => CalculerPriorite.Total(poids, d.Criteres, d.InscritLeUtc, maintenant)).ToList();
        var parPriorite = Tranches.Select((t, i) => new Effectif(t.Libelle,
            scores.Count(s => s >= t.Min && (i == 0 || s < Tranches[i - 1].Min)))).ToList();

        var codes = attente.Select(a => a.CodeCommune).Distinct().ToList();
        var noms = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee))
            .ToDictionaryAsync(c => c.CodeInsee, c => c.Nom, ct);
        var parCommune = attente.GroupBy(a => a.CodeCommune)
            .Select(g => new Effectif(noms.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(e => e.Nombre).ThenBy(e => e.Libelle, StringComparer.Ordinal).ToList();

        var jours = attente.Select(a => (int)Math.Max(0, (maintenant - a.InscritLeUtc).TotalDays)).Order().ToList();

        // Placed per month over the last 12 months (Paris months).
        var debutMois = HeureParis.DepuisUtc(maintenant);
        var premier = new DateTime(debutMois.Year, debutMois.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-11);
        var depuisUtc = HeureParis.VersUtc(premier)!.Value;
        var placees = await demandes.Where(d => d.PlaceeLeUtc != null && d.PlaceeLeUtc >= depuisUtc).Select(d => d.PlaceeLeUtc!.Value).ToListAsync(ct);
        var parMois = Enumerable.Range(0, 12).Select(i =>
        {
            var m = premier.AddMonths(i);
            return new Effectif(m.ToString("MMM yyyy", PlateformeWeb.Francais),
                placees.Count(p => { var l = HeureParis.DepuisUtc(p); return l.Year == m.Year && l.Month == m.Month; }));
        }).ToList();

        var capacites = await db.CapacitesMedecin.AsNoTracking().Where(c => !c.EnPause && c.NouveauxPatientsParMois > 0)
            .Select(c => c.NouveauxPatientsParMois).ToListAsync(ct);
        var moisCourantUtc = HeureParis.VersUtc(premier.AddMonths(11))!.Value;
        var accepteesCeMois = await db.AffectationsMt.AsNoTracking()
            .Where(a => a.Statut == StatutsAffectation.Acceptee && a.RepondueLeUtc >= moisCourantUtc)
            .Join(db.PropositionsAppariement.Where(p => p.CptsId == cptsId), a => a.PropositionAppariementId, p => p.Id, (a, _) => a.Id)
            .CountAsync(ct);

        return new SuiviMt(
            parStatut.GetValueOrDefault(StatutsDemandeMt.EnAttente), parStatut.GetValueOrDefault(StatutsDemandeMt.Proposee),
            parStatut.GetValueOrDefault(StatutsDemandeMt.Acceptee), parStatut.GetValueOrDefault(StatutsDemandeMt.Placee),
            parPriorite, parCommune, parMois,
            Percentile(jours, 0.5), Percentile(jours, 0.9), capacites.Count, capacites.Sum(), accepteesCeMois);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when empty.</summary>
    public static int? Percentile(IReadOnlyList<int> tries, double p) =>
        tries.Count == 0 ? null : tries[Math.Clamp((int)Math.Ceiling(p * tries.Count) - 1, 0, tries.Count - 1)];
}
