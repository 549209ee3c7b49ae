using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>The signed-in account's notification centre: unread first; mark one or all read (htmx or plain forms).</summary>
[Authorize(Policy = Features.Notifications.Notifications.PolitiqueNotifications)]
public class IndexModel(ListerMesNotifications lister, MarquerNotificationsLues marquer) : PageModel
{
    public IReadOnlyList<LigneNotification> Notifications { get; private set; } = [];

    private string Compte => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => Notifications = await lister.ExecuteAsync(Compte, ct);

    /// <summary>The bell alone, reloaded by htmx when notifications are marked read.</summary>
    public IActionResult OnGetCloche() => ViewComponent(typeof(ClocheNotificationsViewComponent));

    public async Task<IActionResult> OnPostLueAsync(long id, CancellationToken ct)
    {
        if (await marquer.UneAsync(Compte, id, ct) is null)
        {
            return NotFound();
        }
        return await ListeAsync(ct);
    }

    public async Task<IActionResult> OnPostToutesLuesAsync(CancellationToken ct)
    {
        await marquer.ToutesAsync(Compte, ct);
        return await ListeAsync(ct);
    }

    private async Task<IActionResult> ListeAsync(CancellationToken ct)
    {
        if (!Request.IsHtmx())
        {
            return RedirectToPage();
        }
        Notifications = await lister.ExecuteAsync(Compte, ct);
        // The bell in the menu listens for this event and reloads its count.
        Response.Htmx(h => h.WithTrigger("notifications-lues"));
        return Partial("_Liste", this);
    }
}
