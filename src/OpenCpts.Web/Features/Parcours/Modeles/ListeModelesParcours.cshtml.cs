using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>The pathway templates of the CPTS (Coordination): create, edit, archive or restore.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class ListeModelesParcoursModel(ListerModelesParcours lister, EnregistrerModeleParcours enregistrer) : PageModel
{
    public IReadOnlyList<LigneModeleParcours> Modeles { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Modeles = await lister.ExecuteAsync(avecArchives: true, ct);
    }

    public async Task<IActionResult> OnPostArchiverAsync(int id, bool archive, CancellationToken ct)
    {
        if (!await enregistrer.ArchiverAsync(id, archive, ct))
        {
            return NotFound();
        }
        Message = archive ? "Modèle archivé : il n'est plus proposé pour les inscriptions." : "Modèle restauré.";
        return Redirect("/parcours/modeles");
    }
}
