using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>What the access check learnt about a plan and the user.</summary>
/// <param name="Gestionnaire">The Coordination or an account of the plan's hospital: may record the discharge, close or cancel,
/// and attach a care request to the plan.</param>
public sealed record PlanAccessible(long Id, long PatientId, int? StructureId, string Statut, bool Gestionnaire);

public abstract record ResultatAccesPlan
{
    private ResultatAccesPlan() { }

    public sealed record Autorise(PlanAccessible Plan) : ResultatAccesPlan;

    /// <summary>Unknown plan, or a plan the user may not see: callers give both the same answer (404).</summary>
    public sealed record Introuvable : ResultatAccesPlan;
}

/// <summary>
/// Who may see a discharge plan: the Coordination, the accounts of the plan's hospital, and the active members of the
/// patient's care team (<see cref="AccesPatient"/>). Who manages it (<see cref="PlanAccessible.Gestionnaire"/>): the
/// Coordination and the accounts of its hospital. Every check is written to the audit log with the patient's id,
/// granted ("Lecture" or the given action) or refused ("Refus"); a refused plan looks unknown to the caller.
/// </summary>
public sealed class AccesPlanSortie(OpenCptsDb db, UtilisateurParcours utilisateurs, AccesPatient accesPatient, JournalAudit journal)
{
    public const string Ressource = "PlanSortie";

    /// <summary>The Coordination and the accounts of the plan's hospital manage it.</summary>
    public static bool EstGestionnaire(ProfilParcours profil, int? structurePlan) =>
        profil.Coordination || (profil.StructureId is { } s && structurePlan == s);

    /// <param name="gestion">Only the plan's managers pass (attaching a care request to the plan, for instance).</param>
    public async Task<ResultatAccesPlan> VerifierEtJournaliserAsync(ClaimsPrincipal utilisateur, long planId, string action = "Lecture",
        bool gestion = false, CancellationToken ct = default)
    {
        var id = planId.ToString(CultureInfo.InvariantCulture);
        var plan = await db.PlansSortie.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.PatientParcoursId, p.StructureId, p.Statut })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            await journal.EnregistrerAsync("Refus", Ressource, id, "Plan inconnu", null, ct);
            return new ResultatAccesPlan.Introuvable();
        }
        var profil = await utilisateurs.ProfilAsync(utilisateur, ct);
        var gestionnaire = EstGestionnaire(profil, plan.StructureId);
        var autorise = gestionnaire || (!gestion && await accesPatient.PeutVoirAsync(profil, plan.PatientParcoursId, ct));
        await journal.EnregistrerAsync(autorise ? action : "Refus", Ressource, id, null, plan.PatientParcoursId, ct);
        return autorise
            ? new ResultatAccesPlan.Autorise(new PlanAccessible(plan.Id, plan.PatientParcoursId, plan.StructureId, plan.Statut, gestionnaire))
            : new ResultatAccesPlan.Introuvable();
    }
}
