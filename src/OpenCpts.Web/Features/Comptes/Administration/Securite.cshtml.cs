using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Administration;

public sealed class FormulaireCompte
{
    [Required(ErrorMessage = "L'adresse e-mail est obligatoire."), EmailAddress(ErrorMessage = "Adresse e-mail invalide."), StringLength(200)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Le nom affiché est obligatoire."), StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
    public string NomAffiche { get; set; } = "";

    [Required(ErrorMessage = "Choisissez un rôle.")]
    public string Role { get; set; } = "";

    public string? Rpps { get; set; }

    [Required(ErrorMessage = "Le mot de passe initial est obligatoire."), DataType(DataType.Password)]
    public string MotDePasse { get; set; } = "";
}

/// <summary>Security administration by the Coordination: 2FA requirement per role, accounts, lockouts.</summary>
[Authorize(Policy = Comptes.PolitiqueCoordination)]
public class SecuriteModel(ExigerDeuxFacteurs exigences, ListerComptes lister, CreerCompte creer, DeverrouillerCompte deverrouiller, RattacherCompte rattacher) : PageModel
{
    public IReadOnlySet<string> RolesExigeant { get; private set; } = new HashSet<string>();
    public IReadOnlyList<CompteResume> ComptesListe { get; private set; } = [];
    public FormulaireCompte Compte { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostDeuxFacteursAsync(string[]? rolesExigeant, CancellationToken ct)
    {
        await exigences.ExecuteAsync(rolesExigeant ?? [], ct);
        var libelles = Roles.Tous.Where(r => rolesExigeant?.Contains(r) == true).Select(Roles.Libelle).ToList();
        Message = libelles.Count == 0
            ? "La double authentification n'est exigée pour aucun rôle."
            : $"La double authentification est exigée pour : {string.Join(", ", libelles)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeverrouillerAsync(string id)
    {
        if (!await deverrouiller.ExecuteAsync(id))
        {
            return NotFound();
        }
        Message = "Le compte est déverrouillé.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreerAsync([Bind(Prefix = nameof(Compte))] FormulaireCompte formulaire, CancellationToken ct)
    {
        Compte = formulaire;
        if (ModelState.IsValid)
        {
            var resultat = await creer.ExecuteAsync(new DemandeCompte(formulaire.Email, formulaire.NomAffiche, formulaire.Role, formulaire.Rpps, formulaire.MotDePasse), ct);
            switch (resultat)
            {
                case ResultatCreationCompte.Cree cree:
                    Message = $"Le compte {cree.Email} est créé. Communiquez-lui son mot de passe initial par un canal sûr.";
                    return RedirectToPage();
                case ResultatCreationCompte.Refuse refuse:
                    ModelState.AjouterErreurs(refuse.Erreurs, nameof(Compte));
                    break;
            }
        }
        await ChargerAsync(ct);
        return Page();
    }

    /// <summary>A member who already has an account in another CPTS of the platform keeps it: the Coordination
    /// attaches it to this CPTS (explicit, audited).</summary>
    public async Task<IActionResult> OnPostRattacherAsync(string? emailRattachement, CancellationToken ct)
    {
        EmailRattachement = emailRattachement?.Trim() ?? "";
        if (EmailRattachement.Length == 0)
        {
            ModelState.AddModelError(nameof(EmailRattachement), "L'adresse e-mail du compte est obligatoire.");
        }
        else
        {
            switch (await rattacher.ParEmailAsync(EmailRattachement, ct))
            {
                case ResultatRattachement.Rattache r:
                    Message = $"Le compte {r.Email} agit désormais aussi dans cette CPTS.";
                    return RedirectToPage();
                case ResultatRattachement.DejaRattache r:
                    Message = $"Le compte {r.Email} est déjà rattaché à cette CPTS.";
                    return RedirectToPage();
                case ResultatRattachement.CompteInconnu:
                    ModelState.AddModelError(nameof(EmailRattachement), "Aucun compte n'a cette adresse : créez-le ci-dessous.");
                    break;
                default:
                    ModelState.AddModelError(nameof(EmailRattachement), "Aucune CPTS n'est choisie.");
                    break;
            }
        }
        await ChargerAsync(ct);
        return Page();
    }

    public string EmailRattachement { get; private set; } = "";

    private async Task ChargerAsync(CancellationToken ct)
    {
        RolesExigeant = await exigences.RolesExigeantAsync(ct);
        ComptesListe = await lister.ExecuteAsync(ct);
    }
}
