using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Comptes;

[AllowAnonymous]
public class DeconnexionModel(SignInManager<Utilisateur> connexion) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Accueil/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await connexion.SignOutAsync();
        return Redirect("/compte/connexion");
    }
}
