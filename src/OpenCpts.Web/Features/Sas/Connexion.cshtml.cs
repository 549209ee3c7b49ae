using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Sas.Regulateurs;

namespace OpenCpts.Web.Features.Sas;

/// <summary>The single-use link the SAS platform obtained for its regulator: signs him in to the /sas pages and
/// lands on the booking of the slot.</summary>
[AllowAnonymous]
public class ConnexionModel(ConnexionRegulateurSas connexion) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? jeton, long creneau, CancellationToken ct)
    {
        var principal = await connexion.ConsommerAsync(jeton, creneau, ct);
        if (principal is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            // This page is the explanation: the generic error page must not replace it.
            HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            return Page();
        }
        await HttpContext.SignInAsync(ConnexionRegulateurSas.Schema, principal);
        return Redirect($"/sas/reserver?creneau={creneau}&origin=sas");
    }
}
