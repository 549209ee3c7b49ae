using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>
/// Set-up of TOTP two-factor authentication with an authenticator app, recovery codes, and
/// disabling (refused when one of the user's roles requires 2FA).
/// </summary>
[Authorize(Policy = Comptes.PolitiqueConnecte)]
public class DeuxFacteursModel(UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, DeuxFacteursObligatoire exigence, JournalAudit audit) : PageModel
{
    public const int NombreCodesRecuperation = 10;

    public bool Active { get; private set; }
    /// <summary>Labels of the user's roles for which the Coordination requires 2FA.</summary>
    public IReadOnlyList<string> RolesExigeant { get; private set; } = [];
    public string CleLisible { get; private set; } = "";
    public string UriAuthentificateur { get; private set; } = "";
    public string QrCodeSvg { get; private set; } = "";
    public int CodesRestants { get; private set; }
    /// <summary>Recovery codes just generated: shown in this response only.</summary>
    public IReadOnlyList<string> CodesRecuperation { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Le code est obligatoire.")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Le code doit comporter 6 chiffres.")]
    public string Code { get; set; } = "";

    [TempData]
    public string? Message { get; set; }

    public bool Exigee => RolesExigeant.Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        await ChargerAsync(utilisateur, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifierAsync(CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        if (await utilisateurs.GetTwoFactorEnabledAsync(utilisateur))
        {
            return RedirectToPage();
        }
        if (ModelState.IsValid)
        {
            var code = new string([.. Code.Where(char.IsAsciiDigit)]);
            var valide = await utilisateurs.VerifyTwoFactorTokenAsync(utilisateur, utilisateurs.Options.Tokens.AuthenticatorTokenProvider, code);
            if (valide)
            {
                await utilisateurs.SetTwoFactorEnabledAsync(utilisateur, true);
                CodesRecuperation = [.. await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync(utilisateur, NombreCodesRecuperation) ?? []];
                // Enabling 2FA changes the security stamp: re-issue the cookie to keep the session.
                await connexion.RefreshSignInAsync(utilisateur);
                await audit.EnregistrerAsync("Activation", "DeuxFacteurs", utilisateur.Id, "Double authentification activée", ct);
                Message = "La double authentification est activée.";
                ModelState.Clear();
                Code = "";
                await ChargerAsync(utilisateur, ct);
                return Page();
            }
            ModelState.AddModelError(nameof(Code), "Code invalide : vérifiez l'heure de votre téléphone et saisissez le code affiché actuellement.");
        }
        await ChargerAsync(utilisateur, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync(string? verification, CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (!await utilisateurs.GetTwoFactorEnabledAsync(utilisateur))
        {
            return RedirectToPage();
        }
        if (!await Reauthentification.VerifierAsync(utilisateurs, utilisateur, verification))
        {
            ModelState.AddModelError("", Reauthentification.MessageRefus);
            await ChargerAsync(utilisateur, ct);
            return Page();
        }
        await audit.EnregistrerAsync("Modification", "DeuxFacteurs", utilisateur.Id, "Codes de récupération régénérés", ct);
        CodesRecuperation = [.. await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync(utilisateur, NombreCodesRecuperation) ?? []];
        Message = "De nouveaux codes de récupération ont été générés : les anciens ne fonctionnent plus.";
        await ChargerAsync(utilisateur, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDesactiverAsync(string? verification, CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        ModelState.Clear();
        await ChargerAsync(utilisateur, ct);
        if (Exigee)
        {
            ModelState.AddModelError("", $"Impossible de désactiver la double authentification : votre rôle ({string.Join(", ", RolesExigeant)}) l'exige.");
            return Page();
        }
        if (!await Reauthentification.VerifierAsync(utilisateurs, utilisateur, verification))
        {
            ModelState.AddModelError("", Reauthentification.MessageRefus);
            return Page();
        }
        await utilisateurs.SetTwoFactorEnabledAsync(utilisateur, false);
        // A new key, so that re-enabling requires scanning again rather than trusting an old enrolment.
        await utilisateurs.ResetAuthenticatorKeyAsync(utilisateur);
        await connexion.RefreshSignInAsync(utilisateur);
        await audit.EnregistrerAsync("Desactivation", "DeuxFacteurs", utilisateur.Id, "Double authentification désactivée (clé réinitialisée)", ct);
        Message = "La double authentification est désactivée.";
        return RedirectToPage();
    }

    private async Task ChargerAsync(Utilisateur utilisateur, CancellationToken ct)
    {
        Active = await utilisateurs.GetTwoFactorEnabledAsync(utilisateur);
        var roles = await utilisateurs.GetRolesAsync(utilisateur);
        RolesExigeant = [.. (await exigence.RolesExigeantAsync([.. roles], ct)).Select(Roles.Libelle)];
        if (Active)
        {
            CodesRestants = await utilisateurs.CountRecoveryCodesAsync(utilisateur);
            return;
        }
        var cle = await utilisateurs.GetAuthenticatorKeyAsync(utilisateur);
        if (string.IsNullOrEmpty(cle))
        {
            await utilisateurs.ResetAuthenticatorKeyAsync(utilisateur);
            // The reset changed the security stamp: keep this session valid.
            await connexion.RefreshSignInAsync(utilisateur);
            cle = await utilisateurs.GetAuthenticatorKeyAsync(utilisateur) ?? "";
        }
        CleLisible = CodeQr.CleLisible(cle);
        UriAuthentificateur = CodeQr.UriAuthentificateur(utilisateur.Email ?? utilisateur.UserName ?? "", cle);
        QrCodeSvg = CodeQr.Svg(UriAuthentificateur);
    }
}
