using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

public class ConnexionDeuxFacteursModel(SignInManager<Utilisateur> connexion, JournalAudit audit, OpenCptsDb db) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var utilisateur = await connexion.GetTwoFactorAuthenticationUserAsync();
        if (utilisateur is null)
        {
            return RedirectToPage("/Comptes/Anonyme/Connexion");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var totp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var resultat = totp
            ? await connexion.TwoFactorAuthenticatorSignInAsync(code, SeSouvenir, SeSouvenirDeLAppareil)
            : await connexion.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
        if (resultat.Succeeded)
        {
            await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Connexion", "Connexion", utilisateur.Id,
                $"Connexion réussie de {utilisateur.Email} (mot de passe et {(totp ? "code TOTP" : "code de récupération")})");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), resultat.IsLockedOut ? "Verrouillage" : "Refus", "Connexion", utilisateur.Id,
            resultat.IsLockedOut ? $"Deuxième facteur refusé : compte {utilisateur.Email} verrouillé" : $"Deuxième facteur incorrect pour {utilisateur.Email}");
        // The same message when the account is locked: the lockout is not revealed to whoever holds the password.
        ModelState.AddModelError("", "Code invalide.");
        return Page();
    }
}
