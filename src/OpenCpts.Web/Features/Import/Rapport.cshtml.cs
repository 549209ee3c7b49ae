using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>The report of a past import, with its rejected lines.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class RapportModel(OpenCptsDb db) : PageModel
{
    public RapportImport Rapport { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var rapport = await db.RapportsImport.AsNoTracking().Include(r => r.Rejets.OrderBy(j => j.Ligne))
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rapport is null)
        {
            return NotFound();
        }
        Rapport = rapport;
        return Page();
    }
}
