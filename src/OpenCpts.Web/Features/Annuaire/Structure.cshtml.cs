using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Annuaire.Structures;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Web.Features.Annuaire;

[Authorize(Policy = Comptes.Comptes.PolitiqueAnnuaire)]
public class StructureModel(ConsulterStructure consulter, EnregistrerStructure enregistrer) : PageModel
{
    public FicheStructure Fiche { get; private set; } = null!;

    /// <summary>What the coordination of this CPTS may change here (null: nothing, or not a coordination).</summary>
    public EditionStructure? Edition { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await consulter.ExecuteAsync(id, ct) is not { } fiche)
        {
            return NotFound();
        }
        Fiche = fiche;
        if (User.IsInRole(Roles.Coordination))
        {
            Edition = await enregistrer.EditionAsync(id, ct);
        }
        return Page();
    }
}
