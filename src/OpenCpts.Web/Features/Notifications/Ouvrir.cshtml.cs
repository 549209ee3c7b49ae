using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>Follows a notification's link and marks it read. Someone else's notification is not found, like an unknown one.</summary>
[Authorize(Policy = Notifications.PolitiqueNotifications)]
public class OuvrirModel(MarquerNotificationsLues marquer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var n = await marquer.UneAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, id, ct);
        if (n is null)
        {
            return NotFound();
        }
        // Only a path of this platform: a stored link never sends anyone elsewhere.
        return LocalRedirect(Url.IsLocalUrl(n.Lien) ? n.Lien : "/notifications");
    }
}
