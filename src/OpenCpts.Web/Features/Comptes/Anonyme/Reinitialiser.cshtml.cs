using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.MotDePasse;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

/// <summary>The page of the reset link: a new password, then the sign-in page (the person signs in as usual, 2FA included).</summary>
public class ReinitialiserModel(Reinitialiser reinitialiser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Compte { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Le mot de passe est obligatoire."), DataType(DataType.Password)]
    public string MotDePasse { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Confirmez le mot de passe."), DataType(DataType.Password)]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string Confirmation { get; set; } = "";

    public bool LienInvalide { get; private set; }
    public bool Termine { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await reinitialiser.ExecuteAsync(Compte, Code, MotDePasse, ct))
        {
            case ResultatReinitialisation.Reinitialise:
                Termine = true;
                break;
            case ResultatReinitialisation.Refuse refuse:
                ModelState.AjouterErreurs(refuse.Erreurs);
                break;
            default:
                LienInvalide = true;
                break;
        }
        return Page();
    }
}
