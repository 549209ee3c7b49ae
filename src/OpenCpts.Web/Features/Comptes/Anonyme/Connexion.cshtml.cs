using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

public class ConnexionModel(SignInManager<Utilisateur> connexion, ILogger<ConnexionModel> logger) : PageModel
{
    [BindProperty, Required(ErrorMessage = "L'adresse e-mail est obligatoire."), EmailAddress(ErrorMessage = "Adresse e-mail invalide.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Le mot de passe est obligatoire."), DataType(DataType.Password)]
    public string MotDePasse { get; set; } = "";

    [BindProperty]
    public bool SeSouvenir { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await connexion.PasswordSignInAsync(Email.Trim(), MotDePasse, SeSouvenir, lockoutOnFailure: true);
        if (resultat.Succeeded)
        {
            logger.LogInformation("Connexion de {Email}", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (resultat.RequiresTwoFactor)
        {
            return RedirectToPage("/Comptes/Anonyme/ConnexionDeuxFacteurs", new { ReturnUrl, SeSouvenir });
        }
        if (resultat.IsLockedOut)
        {
            logger.LogWarning("Compte verrouillé : {Email}", Email);
            ModelState.AddModelError("", "Compte verrouillé après plusieurs échecs. Réessayez dans 15 minutes.");
            return Page();
        }
        ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
        return Page();
    }
}
