using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Demandes;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>A patient of the user's care teams, for the pathway home page.</summary>
public sealed record PatientSuivi(long Id, string Nom, DateOnly DateNaissance, string? Role);

/// <summary>
/// The pathway home page: what waits for the user (requests to take, discharge plans, escalations) and the
/// patients of his care teams.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
public class ParcoursModel(OpenCptsDb db, UtilisateurParcours utilisateurs, JournalAudit journal) : PageModel
{
    public ProfilParcours Profil { get; private set; } = null!;
    public int DemandesPourMoi { get; private set; }
    public int DemandesOuvertes { get; private set; }
    public int DemandesEscaladees { get; private set; }
    public int SortiesEnPreparation { get; private set; }
    public int SortiesARisque { get; private set; }
    /// <summary>Possible duplicate patients the Coordination has not settled yet.</summary>
    public int DoublonsATraiter { get; private set; }
    public IReadOnlyList<PatientSuivi> MesPatients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profil = await utilisateurs.ProfilAsync(User, ct);
        var pro = Profil.ProfessionnelId;
        var structure = Profil.StructureId;
        if (pro is not null)
        {
            DemandesPourMoi = await db.DestinatairesDemande
                .CountAsync(x => x.ProfessionnelId == pro && db.DemandesPriseEnCharge.Any(d => d.Id == x.DemandePriseEnChargeId && d.Statut == StatutsDemandePec.Ouverte), ct);
        }
        var plans = db.PlansSortie.Where(p => p.Statut == StatutsPlanSortie.EnPreparation);
        if (Profil.Coordination || Profil.Regulation)
        {
            DemandesOuvertes = await db.DemandesPriseEnCharge.CountAsync(d => d.Statut == StatutsDemandePec.Ouverte, ct);
            if (Profil.Coordination)
            {
                DoublonsATraiter = await db.PatientsParcours.CountAsync(p => p.DoublonPossibleDeId != null && p.DoublonTraiteLeUtc == null, ct);
            }
            DemandesEscaladees = await db.DemandesPriseEnCharge.CountAsync(d => d.Statut == StatutsDemandePec.Ouverte && d.EscaladeeLeUtc != null, ct);
        }
        else if (Profil.Etablissement && structure is not null)
        {
            plans = plans.Where(p => p.StructureId == structure);
        }
        else
        {
            plans = plans.Where(p => false);
        }
        SortiesEnPreparation = await plans.CountAsync(ct);
        SortiesARisque = await plans.CountAsync(p => p.AlerteEnvoyeeLeUtc != null, ct);

        if (pro is not null || structure is not null)
        {
            var lignes = await db.MembresEquipe.AsNoTracking()
                .Where(m => m.RetireLeUtc == null && ((pro != null && m.ProfessionnelId == pro) || (structure != null && m.StructureId == structure)))
                .Join(db.PatientsParcours, m => m.PatientParcoursId, p => p.Id, (m, p) => new { p.Id, p.Nom, p.Prenom, p.DateNaissance, m.Role, m.AjouteLeUtc })
                .OrderByDescending(x => x.AjouteLeUtc)
                .Take(50)
                .ToListAsync(ct);
            MesPatients = [.. lignes.DistinctBy(l => l.Id).Select(l => new PatientSuivi(l.Id, $"{l.Nom.ToUpperInvariant()} {l.Prenom}", l.DateNaissance, l.Role))];
            await journal.LecturesAsync(MesPatients.Select(p => p.Id), "Parcours : patients de mes équipes", ct);
        }
    }
}
