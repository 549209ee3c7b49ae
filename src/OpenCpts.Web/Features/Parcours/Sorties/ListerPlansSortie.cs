using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>One line of the discharge plans list.</summary>
public sealed record LignePlanSortie(long Id, long PatientId, string Patient, DateOnly DateNaissance, DateOnly DateSortiePrevue, string? Structure,
    string? Service, string Statut, int Faits, int Total, bool ARisque, DateTime? AlerteEnvoyeeLeUtc);

/// <summary>
/// The discharge plans a user may see: all of the CPTS for the Coordination; for anyone else, the plans of his
/// hospital and the plans of patients whose care team he (or his structure) is in. <c>statut</c>: one of
/// <see cref="StatutsPlanSortie"/>, <see cref="Actifs"/> (in preparation or discharged, the default) or <see cref="Tous"/>.
/// </summary>
public sealed class ListerPlansSortie(OpenCptsDb db, TimeProvider horloge)
{
    public const string Actifs = "actifs";
    public const string Tous = "tous";
    public const int Maximum = 500;

    public async Task<IReadOnlyList<LignePlanSortie>> ExecuteAsync(ProfilParcours profil, string? statut, CancellationToken ct = default)
    {
        var requete = db.PlansSortie.AsNoTracking();
        if (!profil.Coordination)
        {
            var structureId = profil.StructureId;
            var professionnelId = profil.ProfessionnelId;
            requete = requete.Where(p => (structureId != null && p.StructureId == structureId)
                || db.MembresEquipe.Any(m => m.PatientParcoursId == p.PatientParcoursId && m.RetireLeUtc == null
                    && ((professionnelId != null && m.ProfessionnelId == professionnelId) || (structureId != null && m.StructureId == structureId))));
        }
        requete = statut switch
        {
            Tous => requete,
            null or "" or Actifs => requete.Where(p => p.Statut == StatutsPlanSortie.EnPreparation || p.Statut == StatutsPlanSortie.Sorti),
            _ => requete.Where(p => p.Statut == statut),
        };
        var lignes = await requete
            .OrderBy(p => p.DateSortiePrevue).ThenBy(p => p.Id)
            .Take(Maximum)
            .Select(p => new
            {
                p.Id,
                p.PatientParcoursId,
                p.Patient!.Nom,
                p.Patient.Prenom,
                p.Patient.DateNaissance,
                p.DateSortiePrevue,
                Structure = db.Structures.Where(s => s.Id == p.StructureId).Select(s => s.Nom).FirstOrDefault(),
                p.Service,
                p.Statut,
                Faits = p.Elements.Count(e => e.FaitLeUtc != null),
                Total = p.Elements.Count,
                Manquants = p.Elements.Count(e => e.FaitLeUtc == null && (e.Echeance == null || e.Echeance <= p.DateSortiePrevue)),
                p.AlerteEnvoyeeLeUtc,
            })
            .ToListAsync(ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return [.. lignes.Select(l => new LignePlanSortie(l.Id, l.PatientParcoursId, $"{l.Nom.ToUpperInvariant()} {l.Prenom}", l.DateNaissance,
            l.DateSortiePrevue, l.Structure, l.Service, l.Statut, l.Faits, l.Total,
            RisqueSortie.EstARisque(l.Statut, l.DateSortiePrevue, l.Manquants, maintenant), l.AlerteEnvoyeeLeUtc))];
    }
}
