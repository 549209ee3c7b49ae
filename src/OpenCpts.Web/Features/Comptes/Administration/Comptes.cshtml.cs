using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Invitations;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Administration;

public sealed class FormulaireInvitation
{
    public string Email { get; set; } = "";
    public string NomAffiche { get; set; } = "";
    public string Role { get; set; } = Roles.Professionnel;
    public string? Rpps { get; set; }
    public string? Finess { get; set; }
}

/// <summary>
/// The accounts of the CPTS for its Coordination: invitations (send, resend, cancel), roles, deactivation and
/// reactivation, and the accounts of members whose membership ended, offered for deactivation.
/// </summary>
[Authorize(Policy = Comptes.PolitiqueCoordination)]
public class ComptesModel(
    ListerComptes lister, ListerInvitations invitations, InviterCompte inviter, RenvoyerInvitation renvoyer, AnnulerInvitation annuler,
    ChangerRoleCompte changerRole, DesactiverCompte desactiver, ReactiverCompte reactiver, UserManager<Utilisateur> utilisateurs) : PageModel
{
    /// <summary>The roles a Coordination may give (the SAS machine account is made by the CLI).</summary>
    public static readonly IReadOnlyList<string> RolesAttribuables = [.. Roles.Tous.Where(r => r != Roles.PlateformeSas)];

    public IReadOnlyList<CompteResume> ComptesListe { get; private set; } = [];
    public IReadOnlyList<InvitationResume> Invitations { get; private set; } = [];
    public FormulaireInvitation Invitation { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    /// <summary>A link the mail server could not carry: shown once so the coordinator can pass it on.</summary>
    [TempData]
    public string? LienNonEnvoye { get; set; }

    public string? IdCourant => utilisateurs.GetUserId(User);

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostInviterAsync([Bind(Prefix = nameof(Invitation))] FormulaireInvitation formulaire, CancellationToken ct)
    {
        Invitation = formulaire;
        var resultat = await inviter.ExecuteAsync(new DemandeInvitation(formulaire.Email ?? "", formulaire.NomAffiche ?? "", formulaire.Role ?? "", formulaire.Rpps, formulaire.Finess), ct);
        switch (resultat)
        {
            case ResultatInvitation.Envoyee envoyee:
                Annoncer(envoyee, $"Invitation envoyée à {envoyee.Email}.");
                return RedirectToPage();
            case ResultatInvitation.Refusee refusee:
                ModelState.AjouterErreurs(refusee.Erreurs, nameof(Invitation));
                break;
        }
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(int id, CancellationToken ct)
    {
        if (await renvoyer.ExecuteAsync(id, ct) is not { } envoyee)
        {
            return NotFound();
        }
        Annoncer(envoyee, $"Invitation renvoyée à {envoyee.Email} : le lien précédent ne fonctionne plus.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnnulerAsync(int id, CancellationToken ct)
    {
        if (!await annuler.ExecuteAsync(id, ct))
        {
            return NotFound();
        }
        Message = "L'invitation est annulée : son lien ne fonctionne plus.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken ct) =>
        Suite(await changerRole.ExecuteAsync(id, role ?? "", IdCourant ?? "", ct),
            "Le rôle est changé : la personne se reconnecte avec ses nouveaux droits.",
            "Ce changement de rôle est impossible : votre propre compte, le dernier compte Coordination actif de la CPTS ou un compte machine.");

    public async Task<IActionResult> OnPostDesactiverAsync(string id, CancellationToken ct) =>
        Suite(await desactiver.ExecuteAsync(id, IdCourant ?? "", ct),
            "Le compte est désactivé : ses sessions, jetons d'API et flux d'agenda ne fonctionnent plus.",
            "Impossible de désactiver votre propre compte ou le dernier compte Coordination actif de la CPTS.");

    public async Task<IActionResult> OnPostReactiverAsync(string id, CancellationToken ct) =>
        Suite(await reactiver.ExecuteAsync(id, ct), "Le compte est réactivé.", "");

    private IActionResult Suite(ResultatActeCompte resultat, string fait, string interdit)
    {
        if (resultat == ResultatActeCompte.Introuvable)
        {
            return NotFound();
        }
        Message = resultat switch
        {
            ResultatActeCompte.Fait => fait,
            ResultatActeCompte.Interdit => interdit,
            _ => "Aucun changement : le compte était déjà dans cet état.",
        };
        return RedirectToPage();
    }

    private void Annoncer(ResultatInvitation.Envoyee envoyee, string message)
    {
        Message = message;
        if (!envoyee.EmailEnvoye)
        {
            Message = $"L'e-mail à {envoyee.Email} n'a pas pu être envoyé : transmettez-lui ce lien par un canal sûr.";
            LienNonEnvoye = envoyee.Lien;
        }
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        ComptesListe = await lister.ExecuteAsync(ct);
        Invitations = await invitations.ExecuteAsync(ct);
    }
}
