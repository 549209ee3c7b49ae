using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Patients;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>
/// One care request: the need, who asked, who accepted; accept (recipients), cancel or re-broadcast (requester,
/// Coordination). A request the user may not read answers 404, like an unknown one.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
public class DemandeModel(ConsulterDemandePec consulter, AccepterDemandePec accepter, AnnulerDemandePec annuler, RediffuserDemandePec rediffuser,
    UtilisateurParcours utilisateurs) : PageModel
{
    public VueDemandePec Vue { get; private set; } = null!;
    [TempData]
    public string? Message { get; set; }
    public string? Erreur { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await AfficherAsync(id, ct);

    public async Task<IActionResult> OnPostAccepterAsync(long id, CancellationToken ct)
    {
        switch (await accepter.ExecuteAsync(id, await utilisateurs.ProfilAsync(User, ct), ct))
        {
            case ResultatAcceptation.Acceptee:
                Message = "Vous avez accepté la demande : vous faites partie de l'équipe de soins du patient, le demandeur est prévenu.";
                return RedirectToPage(new { id });
            case ResultatAcceptation.DejaPrise d:
                Erreur = d.Statut == StatutsDemandePec.Annulee ? "Cette demande a été annulée par le demandeur." : "Trop tard : un autre professionnel vient d'accepter cette demande.";
                return await AfficherAsync(id, ct);
            case ResultatAcceptation.NonAutorise n:
                Erreur = n.Message;
                return await AfficherAsync(id, ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAnnulerAsync(long id, CancellationToken ct)
    {
        switch (await annuler.ExecuteAsync(id, await utilisateurs.ProfilAsync(User, ct), ct))
        {
            case ResultatAnnulationPec.Annulee:
                Message = "Demande annulée.";
                return RedirectToPage(new { id });
            case ResultatAnnulationPec.PlusOuverte:
                Erreur = "La demande n'est plus ouverte : elle vient d'être acceptée.";
                return await AfficherAsync(id, ct);
            case ResultatAnnulationPec.Interdite:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostRediffuserAsync(long id, CancellationToken ct)
    {
        switch (await rediffuser.ExecuteAsync(id, await utilisateurs.ProfilAsync(User, ct), ct))
        {
            case ResultatRediffusion.Rediffusee r:
                Message = r.Nouveaux == 0
                    ? "Diffusion relancée : aucun nouveau membre ne correspond pour l'instant."
                    : $"Diffusion relancée : la demande est envoyée à {r.Nouveaux} nouveau(x) membre(s).";
                return RedirectToPage(new { id });
            case ResultatRediffusion.PlusOuverte:
                Erreur = "La demande n'est plus ouverte.";
                return await AfficherAsync(id, ct);
            case ResultatRediffusion.Interdite:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> AfficherAsync(long id, CancellationToken ct)
    {
        switch (await consulter.ExecuteAsync(id, await utilisateurs.ProfilAsync(User, ct), ct))
        {
            case ResultatConsultationPec.Trouvee t:
                Vue = t.Vue;
                return Page();
            default:
                return NotFound();
        }
    }
}
