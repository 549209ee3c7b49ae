using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>
/// A professional's own entry. The entry is always the one linked to the signed-in account, never
/// one named in the request, so nobody can edit someone else's entry from here.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueAnnuaire)]
public class MoiModel(
    OpenCptsDb db,
    UserManager<Utilisateur> utilisateurs,
    ConsulterProfessionnel consulter,
    AjouterCompetence ajouterCompetence,
    RetirerCompetence retirerCompetence,
    ModifierCoordonnees modifierCoordonnees) : PageModel
{
    public const string Adresse = "/annuaire/moi";

    public FicheProfessionnel? Fiche { get; private set; }

    [BindProperty]
    public Coordonnees Coordonnees { get; set; } = new();

    public bool CoordonneesEnregistrees { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NonRelie();
        }
        Coordonnees = new Coordonnees { TelephoneMobile = Fiche!.TelephoneMobile, Email = Fiche.Email };
        CoordonneesEnregistrees = TempData["Enregistre"] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostCoordonneesAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NonRelie();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await modifierCoordonnees.ExecuteAsync(Fiche!.Id, Coordonnees, ct);
        TempData["Enregistre"] = true;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCompetenceAsync(string? libelle, CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NonRelie();
        }
        var resultat = await ajouterCompetence.ExecuteAsync(Fiche!.Id, libelle, ct);
        return await ReponseCompetencesAsync(AjouterCompetence.Message(resultat), resultat != ResultatAjoutCompetence.Ajoutee, ct);
    }

    public async Task<IActionResult> OnPostRetirerCompetenceAsync(int competenceId, CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NonRelie();
        }
        var retiree = await retirerCompetence.ExecuteAsync(Fiche!.Id, competenceId, ct);
        return await ReponseCompetencesAsync(retiree ? "Compétence retirée." : "Cette compétence n'existe plus.", !retiree, ct);
    }

    private async Task<IActionResult> ReponseCompetencesAsync(string message, bool erreur, CancellationToken ct)
    {
        if (!Request.IsHtmx())
        {
            return RedirectToPage();
        }
        var fiche = (await consulter.ParIdAsync(Fiche!.Id, ct))!;
        return Partial("_Competences", new CompetencesEditables(Adresse, fiche.Competences, Modifiable: true, message, erreur));
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var id = utilisateurs.GetUserId(User);
        var professionnelId = await db.Users.Where(u => u.Id == id).Select(u => u.ProfessionnelId).FirstOrDefaultAsync(ct);
        Fiche = professionnelId is { } pid ? await consulter.ParIdAsync(pid, ct) : null;
        return Fiche is not null;
    }

    private PageResult NonRelie()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
