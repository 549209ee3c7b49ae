using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Invitations;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

/// <summary>The invited person chooses a password; the account is created and signed in, then asked to enrol 2FA.</summary>
public class InvitationModel(AccepterInvitation accepter, SignInManager<Utilisateur> connexion, Infrastructure.Audit.JournalAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Secret { get; set; } = "";

    public InvitationOuverte? Invitation { get; private set; }

    [BindProperty, Required(ErrorMessage = "Le mot de passe est obligatoire."), DataType(DataType.Password)]
    public string MotDePasse { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Confirmez le mot de passe."), DataType(DataType.Password)]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string Confirmation { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Invitation = await accepter.OuvrirAsync(Secret, ct);
        return Invitation is null ? LienInvalide() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Invitation = await accepter.OuvrirAsync(Secret, ct);
        if (Invitation is null)
        {
            return LienInvalide();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await accepter.ExecuteAsync(Secret, MotDePasse, ct))
        {
            case ResultatAcceptation.Acceptee acceptee:
                await connexion.SignInAsync(acceptee.Utilisateur, isPersistent: false);
                // The first sign-in of the account: the accounts page shows it as its last sign-in.
                await audit.EnregistrerAsync("Connexion", "Connexion", acceptee.Utilisateur.Id,
                    $"Connexion réussie de {acceptee.Utilisateur.Email} (ouverture du compte sur invitation)", ct);
                TempData["Message"] = "Votre compte est créé. Dernière étape : protégez-le par la double authentification.";
                return Redirect("/compte/deux-facteurs");
            case ResultatAcceptation.Refusee refusee:
                ModelState.AjouterErreurs(refusee.Erreurs);
                return Page();
            default:
                return LienInvalide();
        }
    }

    private PageResult LienInvalide()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Invitation = null;
        return Page();
    }
}
