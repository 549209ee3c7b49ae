using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Sorties;

public abstract record ResultatModificationElement
{
    private ResultatModificationElement() { }

    public sealed record Modifie : ResultatModificationElement;

    public sealed record Invalide(string Message) : ResultatModificationElement;

    /// <summary>No such item in this plan.</summary>
    public sealed record Introuvable : ResultatModificationElement;

    /// <summary>The plan is closed or cancelled: its checklist no longer changes.</summary>
    public sealed record Fige : ResultatModificationElement;
}

/// <summary>
/// Works one checklist item of a plan that is in preparation or discharged: tick it done (who, when) or untick it,
/// change its owner (a professional of the patient's team, or free text) and its due date.
/// </summary>
public sealed class ModifierElementSortie(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<ResultatModificationElement> CocherAsync(long planId, long elementId, bool fait, string? par, CancellationToken ct = default)
    {
        if (await EtatAsync(planId, elementId, ct) is { } refus)
        {
            return refus;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // Ticking an item already ticked keeps the first tick (who and when).
        await db.ElementsSortie
            .Where(e => e.Id == elementId && e.PlanSortieId == planId && (fait ? e.FaitLeUtc == null : e.FaitLeUtc != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.FaitLeUtc, fait ? maintenant : null)
                .SetProperty(e => e.FaitPar, fait ? Tronquer(par, 256) : null), ct);
        return new ResultatModificationElement.Modifie();
    }

    /// <param name="responsableProfessionnelId">A professional of the team; when given, <paramref name="responsable"/> is his name.</param>
    public async Task<ResultatModificationElement> ModifierAsync(long planId, long elementId, int? responsableProfessionnelId, string? responsable,
        DateOnly? echeance, CancellationToken ct = default)
    {
        if (await EtatAsync(planId, elementId, ct) is { } refus)
        {
            return refus;
        }
        var plan = await db.PlansSortie.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.PatientParcoursId, p.DateSortiePrevue }).SingleAsync(ct);
        string? nom;
        if (responsableProfessionnelId is { } proId)
        {
            var pro = await db.MembresEquipe.Where(m => m.PatientParcoursId == plan.PatientParcoursId && m.ProfessionnelId == proId && m.RetireLeUtc == null)
                .Join(db.Professionnels, m => m.ProfessionnelId, p => p.Id, (m, p) => new { p.CiviliteExercice, p.Prenom, p.Nom })
                .FirstOrDefaultAsync(ct);
            if (pro is null)
            {
                return new ResultatModificationElement.Invalide("Ce professionnel ne fait pas partie de l'équipe du patient : ajoutez-le d'abord à l'équipe.");
            }
            nom = Civilites.NomAffiche(pro.CiviliteExercice, pro.Prenom, pro.Nom);
        }
        else
        {
            nom = string.IsNullOrWhiteSpace(responsable) ? null : responsable.Trim();
            if (nom is { Length: > 200 } || (nom is not null && nom.Any(char.IsControl)))
            {
                return new ResultatModificationElement.Invalide("Le responsable ne doit pas dépasser 200 caractères.");
            }
        }
        if (echeance is { } d && (d < plan.DateSortiePrevue.AddDays(ModifierChecklistSortie.DelaiMin) || d > plan.DateSortiePrevue.AddDays(ModifierChecklistSortie.DelaiMax)))
        {
            return new ResultatModificationElement.Invalide("L'échéance doit rester proche de la date de sortie (entre 30 jours avant et 90 jours après).");
        }
        await db.ElementsSortie.Where(e => e.Id == elementId && e.PlanSortieId == planId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ResponsableProfessionnelId, responsableProfessionnelId)
                .SetProperty(e => e.Responsable, nom)
                .SetProperty(e => e.Echeance, echeance), ct);
        return new ResultatModificationElement.Modifie();
    }

    private async Task<ResultatModificationElement?> EtatAsync(long planId, long elementId, CancellationToken ct)
    {
        var statut = await db.ElementsSortie.Where(e => e.Id == elementId && e.PlanSortieId == planId)
            .Join(db.PlansSortie, e => e.PlanSortieId, p => p.Id, (e, p) => p.Statut)
            .FirstOrDefaultAsync(ct);
        return statut switch
        {
            null => new ResultatModificationElement.Introuvable(),
            StatutsPlanSortie.EnPreparation or StatutsPlanSortie.Sorti => null,
            _ => new ResultatModificationElement.Fige(),
        };
    }

    private static string? Tronquer(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
