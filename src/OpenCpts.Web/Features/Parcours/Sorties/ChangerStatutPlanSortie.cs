using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Sorties;

public abstract record ResultatStatutPlan
{
    private ResultatStatutPlan() { }

    public sealed record Ok : ResultatStatutPlan;

    /// <summary>Errors keyed by form field: dateSortieEffective, readmission30Jours, bilan.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatStatutPlan;

    /// <summary>The plan is not in the state this step starts from (already done by someone else, closed…).</summary>
    public sealed record Conflit(string Message) : ResultatStatutPlan;
}

/// <summary>
/// The life of a discharge plan: <see cref="StatutsPlanSortie.EnPreparation"/> → <see cref="StatutsPlanSortie.Sorti"/>
/// (actual discharge day) → <see cref="StatutsPlanSortie.Clos"/> (from D+7, with the outcome: readmission within 30 days
/// or not, and a short summary); a plan in preparation can be cancelled. Each step is a conditional update on the
/// status it starts from, so two people clicking at once cannot apply it twice.
/// </summary>
public sealed class ChangerStatutPlanSortie(OpenCptsDb db, TimeProvider horloge)
{
    public const int BilanMax = 1000;

    public async Task<ResultatStatutPlan> SortieAsync(long planId, DateOnly? dateEffective, CancellationToken ct = default)
    {
        var aujourdhui = Aujourdhui();
        if (dateEffective is not { } date)
        {
            return Erreur("dateSortieEffective", "Indiquez la date de sortie effective.");
        }
        if (date > aujourdhui)
        {
            return Erreur("dateSortieEffective", "La date de sortie effective ne peut pas être dans le futur.");
        }
        if (date < aujourdhui.AddDays(-60))
        {
            return Erreur("dateSortieEffective", "La date de sortie effective est trop ancienne (60 jours au plus).");
        }
        var n = await db.PlansSortie.Where(p => p.Id == planId && p.Statut == StatutsPlanSortie.EnPreparation)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Statut, StatutsPlanSortie.Sorti).SetProperty(p => p.DateSortieEffective, date), ct);
        return n == 1 ? new ResultatStatutPlan.Ok() : new ResultatStatutPlan.Conflit("La sortie ne peut être enregistrée que pour un plan en préparation.");
    }

    public async Task<ResultatStatutPlan> ClotureAsync(long planId, bool? readmission30Jours, string? bilan, CancellationToken ct = default)
    {
        var erreurs = new ErreursValidation();
        if (readmission30Jours is null)
        {
            erreurs["readmission30Jours"] = ["Indiquez si le patient a été réhospitalisé dans les 30 jours."];
        }
        bilan = string.IsNullOrWhiteSpace(bilan) ? null : bilan.Trim();
        if (bilan is { Length: > BilanMax })
        {
            erreurs["bilan"] = [$"Le bilan ne doit pas dépasser {BilanMax} caractères."];
        }
        if (erreurs.Count > 0)
        {
            return new ResultatStatutPlan.Invalide(erreurs);
        }
        var plan = await db.PlansSortie.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Statut, p.DateSortieEffective }).FirstOrDefaultAsync(ct);
        if (plan is null || plan.Statut != StatutsPlanSortie.Sorti || plan.DateSortieEffective is not { } sortie)
        {
            return new ResultatStatutPlan.Conflit("Seul un plan dont la sortie est enregistrée peut être clos.");
        }
        if (Aujourdhui() < sortie.AddDays(7))
        {
            return new ResultatStatutPlan.Conflit($"Le plan se clôt après l'appel de suivi à J+7, à partir du {sortie.AddDays(7).ToString("dd/MM/yyyy", PlateformeWeb.Francais)}.");
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var n = await db.PlansSortie.Where(p => p.Id == planId && p.Statut == StatutsPlanSortie.Sorti)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Statut, StatutsPlanSortie.Clos)
                .SetProperty(p => p.Readmission30Jours, readmission30Jours)
                .SetProperty(p => p.Bilan, bilan)
                .SetProperty(p => p.ClosLeUtc, maintenant), ct);
        return n == 1 ? new ResultatStatutPlan.Ok() : new ResultatStatutPlan.Conflit("Ce plan vient d'être clos ou annulé.");
    }

    public async Task<ResultatStatutPlan> AnnulationAsync(long planId, CancellationToken ct = default)
    {
        var n = await db.PlansSortie.Where(p => p.Id == planId && p.Statut == StatutsPlanSortie.EnPreparation)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Statut, StatutsPlanSortie.Annule), ct);
        return n == 1 ? new ResultatStatutPlan.Ok() : new ResultatStatutPlan.Conflit("Seul un plan en préparation peut être annulé.");
    }

    private DateOnly Aujourdhui() => HeureParis.Aujourdhui(horloge);

    private static ResultatStatutPlan.Invalide Erreur(string champ, string message) =>
        new(new ErreursValidation { [champ] = [message] });
}
