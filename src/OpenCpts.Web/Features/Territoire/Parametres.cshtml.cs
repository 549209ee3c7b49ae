using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>The CPTS's own settings (Coordination): name, FINESS, SIRET, phone, e-mail; a wrong value is shown again as typed.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class ParametresModel(ModifierParametresCpts modifier) : PageModel
{
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Finess { get; set; }
    [BindProperty] public string? Siret { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? Email { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await modifier.LireAsync(ct) is not { } p)
        {
            return NotFound();
        }
        (Nom, Finess, Siret, Telephone, Email) = (p.Nom, p.Finess, p.Siret, p.Telephone, p.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        switch (await modifier.ExecuteAsync(new SaisieParametresCpts(Nom, Finess, Siret, Telephone, Email), ct))
        {
            case ResultatParametresCpts.Enregistres:
                Message = "Paramètres de la CPTS enregistrés.";
                return Redirect("/territoire/parametres");
            case ResultatParametresCpts.Invalide invalide:
                ModelState.AjouterErreurs(invalide.Erreurs);
                return Page();
            default:
                return NotFound();
        }
    }
}
