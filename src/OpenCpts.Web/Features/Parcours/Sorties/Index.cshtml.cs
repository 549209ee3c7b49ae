using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>
/// The discharge plans the user may see (all for the Coordination, his hospital's for an establishment account, his
/// patients' for a professional of their teams), by planned date, filtered by status, with the plans at risk flagged.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
public class PlansSortieModel(ListerPlansSortie lister, UtilisateurParcours utilisateurs, JournalAudit journal) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }

    public IReadOnlyList<LignePlanSortie> Plans { get; private set; } = [];
    public ProfilParcours? Profil { get; private set; }
    public bool PeutOuvrir => User.IsInRole(Comptes.Roles.Coordination) || User.IsInRole(Comptes.Roles.Etablissement);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Statut is not null && Statut != ListerPlansSortie.Actifs && Statut != ListerPlansSortie.Tous && !StatutsPlanSortie.Tous.Contains(Statut))
        {
            Statut = null;
        }
        Profil = await utilisateurs.ProfilAsync(User, ct);
        Plans = await lister.ExecuteAsync(Profil, Statut, ct);
        if (Plans.Count > 0)
        {
            // Patients' names and discharge dates: the list itself is a read of health data.
            await journal.EnregistrerAsync("Lecture", "ListePlansSortie", Statut ?? ListerPlansSortie.Actifs, $"{Plans.Count} plan(s)", ct);
            await journal.LecturesAsync(Plans.Select(p => p.PatientId), "Parcours : liste des plans de sortie", ct);
        }
        return Page();
    }
}
