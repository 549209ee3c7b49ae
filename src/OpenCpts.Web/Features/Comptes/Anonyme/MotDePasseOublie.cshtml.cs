using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.MotDePasse;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

public class MotDePasseOublieModel(DemanderReinitialisation demander) : PageModel
{
    /// <summary>The one answer, whether the address has an account or not.</summary>
    public const string MessageEnvoye = "Si un compte actif utilise cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable 2 heures.";

    [BindProperty, Required(ErrorMessage = "L'adresse e-mail est obligatoire."), EmailAddress(ErrorMessage = "Adresse e-mail invalide.")]
    public string Email { get; set; } = "";

    public bool Envoye { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await demander.ExecuteAsync(Email, ct);
        Envoye = true;
        return Page();
    }
}
