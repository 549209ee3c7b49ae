using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Import;

/// <summary>The report of a past import, with its rejected lines.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class RapportModel(ConsulterRapportImport consulter) : PageModel
{
    public RapportImport Rapport { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var rapport = await consulter.ExecuteAsync(id, ct);
        if (rapport is null)
        {
            return NotFound();
        }
        Rapport = rapport;
        return Page();
    }
}
