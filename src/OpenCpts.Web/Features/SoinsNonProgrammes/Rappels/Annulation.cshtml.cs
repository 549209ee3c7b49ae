using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Rappels;

/// <summary>
/// The public page of the patient's cancellation link: shows the appointment (time and place only) and cancels it
/// on confirmation (a POST with the antiforgery token, so a link preview or a prefetch never cancels anything).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SoinsNonProgrammes.LimiteAnnulationPublique)]
public class AnnulationModel(AnnulerParLien annuler) : PageModel
{
    public RendezVousAAnnuler? RendezVous { get; private set; }
    public bool Annule { get; private set; }

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        RendezVous = await annuler.ConsulterAsync(jeton, ct);
        return Resultat();
    }

    public async Task<IActionResult> OnPostAsync(string jeton, CancellationToken ct)
    {
        Annule = await annuler.AnnulerAsync(jeton, ct);
        return Resultat();
    }

    private PageResult Resultat()
    {
        if (!Annule && RendezVous is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            // This page is the explanation: the generic error page must not replace it.
            HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        }
        return Page();
    }
}
