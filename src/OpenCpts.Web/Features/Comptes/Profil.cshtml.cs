using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Comptes;

public sealed class ChangementMotDePasse
{
    [Required(ErrorMessage = "Le mot de passe actuel est obligatoire."), DataType(DataType.Password)]
    public string Actuel { get; set; } = "";

    [Required(ErrorMessage = "Le nouveau mot de passe est obligatoire."), DataType(DataType.Password)]
    public string Nouveau { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le nouveau mot de passe."), DataType(DataType.Password)]
    [Compare(nameof(Nouveau), ErrorMessage = "La confirmation ne correspond pas au nouveau mot de passe.")]
    public string Confirmation { get; set; } = "";
}

public sealed class NouveauJeton
{
    [Required(ErrorMessage = "Le nom du jeton est obligatoire.")]
    [StringLength(JetonsApi.LongueurMaxNom, ErrorMessage = "Le nom du jeton ne doit pas dépasser {1} caractères.")]
    public string Nom { get; set; } = "";

    /// <summary>Re-authentication: the current password or a TOTP code.</summary>
    [Required(ErrorMessage = "Confirmez votre identité : mot de passe actuel ou code de votre application.")]
    public string Verification { get; set; } = "";
}

/// <summary>The signed-in user's own account: identity, 2FA status, password, personal API tokens.</summary>
[Authorize(Policy = Comptes.PolitiqueConnecte)]
public class ProfilModel(
    UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, JetonsApi jetons, DeuxFacteursObligatoire exigence,
    JournalAudit audit, IOptions<OptionsApi> optionsApi, TimeProvider horloge, Email.ChangerEmail changerEmail) : PageModel
{
    public int DureeJetonsJours => optionsApi.Value.DureeJetonsJours;
    public DateTime MaintenantUtc => horloge.GetUtcNow().UtcDateTime;

    public string NomAffiche { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<string> RolesUtilisateur { get; private set; } = [];
    public bool DeuxFacteursActive { get; private set; }
    public bool DeuxFacteursExigee { get; private set; }
    public int CodesRecuperationRestants { get; private set; }
    public IReadOnlyList<JetonResume> Jetons { get; private set; } = [];

    public ChangementMotDePasse MotDePasse { get; private set; } = new();
    public NouveauJeton Jeton { get; private set; } = new();
    /// <summary>The clear value of the token just created: shown in this response only.</summary>
    public JetonCree? JetonCree { get; private set; }
    public string? NomJetonCree { get; private set; }

    [TempData]
    public string? Message { get; set; }

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

    /// <summary>The new address typed in the "Adresse e-mail" form.</summary>
    public string NouvelEmail { get; private set; } = "";

    public async Task<IActionResult> OnPostEmailAsync(string? nouvelEmail, CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        NouvelEmail = nouvelEmail?.Trim() ?? "";
        if (await changerEmail.DemanderAsync(utilisateur, NouvelEmail, ct) is { } refus)
        {
            ModelState.AddModelError(nameof(NouvelEmail), refus);
            await ChargerAsync(utilisateur, ct);
            return Page();
        }
        Message = $"Un lien de confirmation a été envoyé à {NouvelEmail} : l'adresse de votre compte changera quand vous l'aurez suivi.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMotDePasseAsync([Bind(Prefix = nameof(MotDePasse))] ChangementMotDePasse formulaire, CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        MotDePasse = formulaire;
        if (ModelState.IsValid)
        {
            var resultat = await utilisateurs.ChangePasswordAsync(utilisateur, formulaire.Actuel, formulaire.Nouveau);
            if (resultat.Succeeded)
            {
                // The security stamp changed: re-issue the cookie so this session stays valid.
                await connexion.RefreshSignInAsync(utilisateur);
                await audit.EnregistrerAsync("Modification", "MotDePasse", utilisateur.Id, "Mot de passe changé (jetons d'API invalidés)", ct);
                Message = "Votre mot de passe a été modifié.";
                return RedirectToPage();
            }
            // One message per field: the validation tag helper shows only the first error of a field.
            foreach (var champ in resultat.Errors.GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Actuel" : "Nouveau"))
            {
                ModelState.AddModelError($"{nameof(MotDePasse)}.{champ.Key}", string.Join(" ", champ.Select(e => e.Description)));
            }
        }
        await ChargerAsync(utilisateur, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostJetonAsync([Bind(Prefix = nameof(Jeton))] NouveauJeton formulaire, CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        Jeton = formulaire;
        if (ModelState.IsValid && JetonsApi.ErreurNom(formulaire.Nom) is { } erreur)
        {
            ModelState.AddModelError($"{nameof(Jeton)}.{nameof(NouveauJeton.Nom)}", erreur);
        }
        // The profile stays reachable before enrolment (to set 2FA up), but a token would bypass the requirement.
        if (ModelState.IsValid && await exigence.ExigeePourAsync(User))
        {
            ModelState.AddModelError($"{nameof(Jeton)}.{nameof(NouveauJeton.Nom)}",
                "Votre rôle exige la double authentification : activez-la avant de créer un jeton d'API.");
        }
        if (ModelState.IsValid && !await Reauthentification.VerifierAsync(utilisateurs, utilisateur, formulaire.Verification))
        {
            ModelState.AddModelError($"{nameof(Jeton)}.{nameof(NouveauJeton.Verification)}", Reauthentification.MessageRefus);
        }
        if (ModelState.IsValid)
        {
            JetonCree = await jetons.CreerAsync(utilisateur.Id, formulaire.Nom, ct);
            await audit.EnregistrerAsync("Creation", "JetonApi", JetonCree.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Jeton d'API « {formulaire.Nom.Trim()} » créé pour {utilisateur.Email}", ct);
            NomJetonCree = formulaire.Nom.Trim();
            Jeton = new();
            ModelState.Clear();
        }
        await ChargerAsync(utilisateur, ct);
        return EstHtmx ? Partial("_Jetons", this) : Page();
    }

    public async Task<IActionResult> OnPostRevoquerAsync(int id, CancellationToken ct)
    {
        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }
        // Another user's token id is indistinguishable from a missing one.
        if (!await jetons.RevoquerAsync(utilisateur.Id, id, ct))
        {
            return NotFound();
        }
        await audit.EnregistrerAsync("Revocation", "JetonApi", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Jeton d'API révoqué par {utilisateur.Email}", ct);
        if (EstHtmx)
        {
            await ChargerAsync(utilisateur, ct);
            return Partial("_Jetons", this);
        }
        Message = "Le jeton a été révoqué.";
        return RedirectToPage();
    }

    private bool EstHtmx => Request.Headers.ContainsKey("HX-Request");

    private async Task ChargerAsync(Utilisateur utilisateur, CancellationToken ct)
    {
        NomAffiche = utilisateur.NomAffiche;
        Email = utilisateur.Email ?? "";
        RolesUtilisateur = [.. await utilisateurs.GetRolesAsync(utilisateur)];
        DeuxFacteursActive = await utilisateurs.GetTwoFactorEnabledAsync(utilisateur);
        DeuxFacteursExigee = (await exigence.RolesExigeantAsync([.. RolesUtilisateur], ct)).Count > 0;
        CodesRecuperationRestants = DeuxFacteursActive ? await utilisateurs.CountRecoveryCodesAsync(utilisateur) : 0;
        Jetons = await jetons.ListerAsync(utilisateur.Id, ct);
    }
}
