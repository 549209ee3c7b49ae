using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>All overdue pathway steps, most late first (Coordination), each with a button to mark it done.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class TachesEnRetardModel(ListerTachesEnRetard lister, MarquerTacheFaite marquer, JournalAudit journal) : PageModel
{
    public const int Limite = 500;

    public TachesEnRetard Taches { get; private set; } = new(0, []);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Taches = await lister.ExecuteAsync(Limite, ct);
        await journal.LecturesAsync(Taches.Taches.Select(t => t.PatientId), "Étapes de parcours en retard", ct);
    }

    public async Task<IActionResult> OnPostFaiteAsync(long tacheId, CancellationToken ct)
    {
        switch (await marquer.ExecuteAsync(tacheId, User, ct))
        {
            case ResultatTacheFaite.Faite:
            case ResultatTacheFaite.DejaFaite:
                Message = "Tâche marquée faite.";
                return Redirect("/parcours/taches-en-retard");
            default:
                // Not his task, or no such task: the same answer, so that a task id reveals nothing.
                return NotFound();
        }
    }
}
