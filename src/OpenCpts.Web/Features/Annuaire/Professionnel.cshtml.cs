using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>
/// A professional's page. Everyone allowed in the directory reads it; only the Coordination changes
/// membership and skills here (a professional edits his own entry from /annuaire/moi).
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueAnnuaire)]
public class ProfessionnelModel(
    ConsulterProfessionnel consulter,
    ModifierAdhesion modifierAdhesion,
    AjouterCompetence ajouterCompetence,
    RetirerCompetence retirerCompetence,
    IAuthorizationService autorisation) : PageModel
{
    public FicheProfessionnel Fiche { get; private set; } = null!;
    public bool Modifiable { get; private set; }
    public string Adresse => "/annuaire/professionnels/" + Fiche.Rpps;

    public async Task<IActionResult> OnGetAsync(string rpps, CancellationToken ct)
    {
        if (await consulter.ParRppsAsync(rpps, ct) is not { } fiche)
        {
            return NotFound();
        }
        Fiche = fiche;
        Modifiable = await EstCoordinationAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAdhesionAsync(string rpps, bool membre, CancellationToken ct)
    {
        if (!await EstCoordinationAsync())
        {
            return Forbid();
        }
        var resultat = await modifierAdhesion.ExecuteAsync(rpps, membre, ct);
        if (resultat == ResultatAdhesion.ProfessionnelIntrouvable)
        {
            return NotFound();
        }
        if (resultat == ResultatAdhesion.AucuneCpts)
        {
            return BadRequest();
        }
        var fiche = (await consulter.ParRppsAsync(rpps, ct))!;
        return Request.IsHtmx()
            ? Partial("_Adhesion", new AdhesionAffichee(fiche.Rpps, fiche.Membre, fiche.MembreDepuis, Modifiable: true))
            : RedirectToPage(new { rpps });
    }

    public async Task<IActionResult> OnPostCompetenceAsync(string rpps, string? libelle, CancellationToken ct)
    {
        if (!await EstCoordinationAsync())
        {
            return Forbid();
        }
        if (await consulter.ParRppsAsync(rpps, ct) is not { } fiche)
        {
            return NotFound();
        }
        var resultat = await ajouterCompetence.ExecuteAsync(fiche.Id, libelle, ct);
        return await ReponseCompetencesAsync(rpps, AjouterCompetence.Message(resultat), resultat != ResultatAjoutCompetence.Ajoutee, ct);
    }

    public async Task<IActionResult> OnPostRetirerCompetenceAsync(string rpps, int competenceId, CancellationToken ct)
    {
        if (!await EstCoordinationAsync())
        {
            return Forbid();
        }
        if (await consulter.ParRppsAsync(rpps, ct) is not { } fiche)
        {
            return NotFound();
        }
        var retiree = await retirerCompetence.ExecuteAsync(fiche.Id, competenceId, ct);
        return await ReponseCompetencesAsync(rpps, retiree ? "Compétence retirée." : "Cette compétence n'existe plus.", !retiree, ct);
    }

    private async Task<IActionResult> ReponseCompetencesAsync(string rpps, string message, bool erreur, CancellationToken ct)
    {
        if (!Request.IsHtmx())
        {
            return RedirectToPage(new { rpps });
        }
        var fiche = (await consulter.ParRppsAsync(rpps, ct))!;
        return Partial("_Competences", new CompetencesEditables("/annuaire/professionnels/" + rpps, fiche.Competences, Modifiable: true, message, erreur));
    }

    private async Task<bool> EstCoordinationAsync() =>
        (await autorisation.AuthorizeAsync(User, Comptes.Comptes.PolitiqueCoordination)).Succeeded;
}
