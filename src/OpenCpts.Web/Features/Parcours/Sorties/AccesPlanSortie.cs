using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>What the access check learnt about a plan and the user.</summary>
/// <param name="Gestionnaire">The Coordination or an account of the plan's hospital: may record the discharge, close or cancel.</param>
public sealed record PlanAccessible(long Id, long PatientId, int? StructureId, string Statut, bool Gestionnaire);

public abstract record ResultatAccesPlan
{
    private ResultatAccesPlan() { }

    public sealed record Autorise(PlanAccessible Plan) : ResultatAccesPlan;

    public sealed record Refuse : ResultatAccesPlan;

    public sealed record Introuvable : ResultatAccesPlan;
}

/// <summary>
/// Who may see a discharge plan: the Coordination, the accounts of the plan's hospital, and the members of the
/// patient's care team (<see cref="AccesPatient"/>). Every check is written to the audit log with the patient's id,
/// granted ("Lecture" or the given action) or refused ("Refus").
/// </summary>
public sealed class AccesPlanSortie(OpenCptsDb db, UtilisateurParcours utilisateurs, AccesPatient accesPatient, JournalAudit journal)
{
    public const string Ressource = "PlanSortie";

    public async Task<ResultatAccesPlan> VerifierEtJournaliserAsync(ClaimsPrincipal utilisateur, long planId, string action = "Lecture", CancellationToken ct = default)
    {
        var plan = await db.PlansSortie.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.PatientParcoursId, p.StructureId, p.Statut })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return new ResultatAccesPlan.Introuvable();
        }
        var profil = await utilisateurs.ProfilAsync(utilisateur, ct);
        var id = planId.ToString(CultureInfo.InvariantCulture);
        var gestionnaire = profil.Coordination || (profil.StructureId is { } s && plan.StructureId == s);
        if (gestionnaire)
        {
            await journal.EnregistrerAsync(action, Ressource, id, null, plan.PatientParcoursId, ct);
        }
        else if (!await accesPatient.VerifierEtJournaliserAsync(utilisateur, plan.PatientParcoursId, Ressource, id, action, ct))
        {
            return new ResultatAccesPlan.Refuse();
        }
        return new ResultatAccesPlan.Autorise(new PlanAccessible(plan.Id, plan.PatientParcoursId, plan.StructureId, plan.Statut, gestionnaire));
    }
}
