using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Annuaire;

[Authorize(Policy = Comptes.Comptes.PolitiqueAnnuaire)]
public class StructureModel(ConsulterStructure consulter) : PageModel
{
    public FicheStructure Fiche { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await consulter.ExecuteAsync(id, ct) is not { } fiche)
        {
            return NotFound();
        }
        Fiche = fiche;
        return Page();
    }
}
