using Microsoft.AspNetCore.Mvc;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>
/// The Coordination's dashboard card of overdue pathway steps: the 10 most late, their count and a link to the full
/// list. Fetches its own data; renders nothing for other roles. Use: <c>@await Component.InvokeAsync("TachesEnRetard")</c>.
/// </summary>
public sealed class TachesEnRetardViewComponent(ListerTachesEnRetard lister, JournalAudit journal) : ViewComponent
{
    public const int Nombre = 10;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.Coordination))
        {
            return Content("");
        }
        var ct = HttpContext.RequestAborted;
        var taches = await lister.ExecuteAsync(Nombre, ct);
        await journal.LecturesAsync(taches.Taches.Select(t => t.PatientId), "Tableau de bord : étapes en retard", ct);
        return View("/Features/Parcours/Modeles/_TachesEnRetard.cshtml", taches);
    }
}
