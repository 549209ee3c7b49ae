using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>The bell in the menu: the signed-in account's unread notifications in the current CPTS (one COUNT query).</summary>
public sealed class ClocheNotificationsViewComponent(ListerMesNotifications lister) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var n = id is null ? 0 : await lister.NonLuesAsync(id, HttpContext.RequestAborted);
        return View("/Features/Notifications/_Cloche.cshtml", n);
    }
}
