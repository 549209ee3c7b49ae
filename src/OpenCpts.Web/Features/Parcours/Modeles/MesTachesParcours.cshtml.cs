using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>
/// A professional's open pathway tasks: those he is responsible for, and those without responsible in the teams he
/// belongs to. He marks them done here.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
public class MesTachesParcoursModel(UtilisateurParcours utilisateurs, ListerMesTaches lister, MarquerTacheFaite marquer, JournalAudit journal,
    TimeProvider horloge) : PageModel
{
    public bool Relie { get; private set; }
    public IReadOnlyList<MaTache> Taches { get; private set; } = [];
    public DateOnly Aujourdhui { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Aujourdhui = HeureParis.Aujourdhui(horloge);
        if ((await utilisateurs.ProfilAsync(User, ct)).ProfessionnelId is not { } professionnelId)
        {
            return;
        }
        Relie = true;
        Taches = await lister.ExecuteAsync(professionnelId, ct);
        await journal.LecturesAsync(Taches.Select(t => t.PatientId), "Mes tâches de parcours", ct);
    }

    public async Task<IActionResult> OnPostFaiteAsync(long tacheId, CancellationToken ct)
    {
        switch (await marquer.ExecuteAsync(tacheId, User, ct))
        {
            case ResultatTacheFaite.Faite:
            case ResultatTacheFaite.DejaFaite:
                Message = "Tâche marquée faite.";
                return Redirect("/parcours/mes-taches");
            default:
                // Not his task, or no such task: the same answer, so that a task id reveals nothing.
                return NotFound();
        }
    }
}
