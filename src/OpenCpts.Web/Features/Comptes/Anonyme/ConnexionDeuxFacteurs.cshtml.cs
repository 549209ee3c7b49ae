using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

public class ConnexionDeuxFacteursModel(SignInManager<Utilisateur> connexion) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Le code est obligatoire."), StringLength(20)]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool SeSouvenirDeLAppareil { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SeSouvenir { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await connexion.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Comptes/Anonyme/Connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await connexion.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Comptes/Anonyme/Connexion");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var resultat = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await connexion.TwoFactorAuthenticatorSignInAsync(code, SeSouvenir, SeSouvenirDeLAppareil)
            : await connexion.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
        if (resultat.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError("", resultat.IsLockedOut ? "Compte verrouillé après plusieurs échecs." : "Code invalide.");
        return Page();
    }
}
