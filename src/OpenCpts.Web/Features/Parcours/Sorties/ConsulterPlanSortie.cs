using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>One checklist item as shown.</summary>
public sealed record ElementAffiche(long Id, int Ordre, string Libelle, string? Responsable, int? ResponsableProfessionnelId, DateOnly? Echeance,
    DateTime? FaitLeUtc, string? FaitPar, bool Manquant);

/// <summary>A discharge plan with its patient, hospital, checklist and the patient's care team.</summary>
public sealed record PlanSortieDetail(
    long Id,
    long PatientId,
    string Patient,
    DateOnly DateNaissance,
    string? CodeCommune,
    bool Consentement,
    int? StructureId,
    string? Structure,
    string? Service,
    DateOnly DateSortiePrevue,
    DateOnly? DateSortieEffective,
    string? ContactNom,
    string? ContactEmail,
    string? ContactTelephone,
    string Statut,
    DateTime? AlerteEnvoyeeLeUtc,
    bool ARisque,
    bool? Readmission30Jours,
    string? Bilan,
    DateTime? ClosLeUtc,
    int? ProtocoleId,
    string? Protocole,
    DateTime CreeLeUtc,
    string? CreePar,
    IReadOnlyList<ElementAffiche> Elements,
    IReadOnlyList<MembreAffiche> Equipe,
    DateOnly Aujourdhui)
{
    /// <summary>The first day the plan can be closed: D+7 after the actual discharge.</summary>
    public DateOnly? ClotureDesLe => DateSortieEffective?.AddDays(7);

    public int Faits => Elements.Count(e => e.FaitLeUtc is not null);

    /// <summary>Whether an item not done is past its due date.</summary>
    public bool EnRetard(ElementAffiche e) => e.FaitLeUtc is null && e.Echeance is { } d && d < Aujourdhui;
}

/// <summary>Loads a plan for its page or the API. The caller has checked access (<see cref="AccesPlanSortie"/>).</summary>
public sealed class ConsulterPlanSortie(OpenCptsDb db, ConsulterEquipe equipe, TimeProvider horloge)
{
    public async Task<PlanSortieDetail?> ExecuteAsync(long planId, CancellationToken ct = default)
    {
        var plan = await db.PlansSortie.AsNoTracking()
            .Include(p => p.Patient)
            .Include(p => p.Elements)
            .FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }
        var structure = plan.StructureId is { } sid
            ? await db.Structures.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Nom).FirstOrDefaultAsync(ct)
            : null;
        var protocole = plan.ProtocoleId is { } pid
            ? await db.Protocoles.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Titre).FirstOrDefaultAsync(ct)
            : null;
        var elements = plan.Elements.OrderBy(e => e.Ordre).ThenBy(e => e.Id)
            .Select(e => new ElementAffiche(e.Id, e.Ordre, e.Libelle, e.Responsable, e.ResponsableProfessionnelId, e.Echeance, e.FaitLeUtc, e.FaitPar,
                RisqueSortie.Manquant(e, plan.DateSortiePrevue)))
            .ToList();
        var patient = plan.Patient!;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aRisque = RisqueSortie.EstARisque(plan.Statut, plan.DateSortiePrevue, elements.Count(e => e.Manquant), maintenant);
        return new PlanSortieDetail(plan.Id, patient.Id, patient.NomComplet, patient.DateNaissance, patient.CodeCommune, patient.ConsentementLeUtc is not null,
            plan.StructureId, structure, plan.Service, plan.DateSortiePrevue, plan.DateSortieEffective, plan.ContactNom, plan.ContactEmail, plan.ContactTelephone,
            plan.Statut, plan.AlerteEnvoyeeLeUtc, aRisque, plan.Readmission30Jours, plan.Bilan, plan.ClosLeUtc, plan.ProtocoleId, protocole,
            plan.CreeLeUtc, plan.CreePar, elements, await equipe.ExecuteAsync(patient.Id, ct), HeureParis.Jour(maintenant));
    }
}
