using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// One request: identity, criteria, why its score, history; the Coordination and the Régulation edit, withdraw and
/// merge duplicates into it. A professional may read the requests he registered, and only those (404 otherwise,
/// so that he cannot probe which ids exist).
/// </summary>
[Authorize(Policy = ListeAttente.PolitiqueInscription)]
public class DemandeModel(
    ConsulterDemandeMt consulter, ModifierDemandeMt modifier, RetirerDemandeMt retirer, FusionnerDemandesMt fusionner, JournalAudit audit) : PageModel
{
    public FicheDemandeMt Fiche { get; private set; } = null!;

    [BindProperty] public List<string> CriteresChoisis { get; set; } = [];
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? Email { get; set; }

    public string? Message { get; private set; }

    public bool PeutAgir => User.IsInRole(Roles.Coordination) || User.IsInRole(Roles.Regulation);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostModifierAsync(long id, CancellationToken ct)
    {
        if (!PeutAgir)
        {
            return Forbid();
        }
        var (resultat, erreurs) = await modifier.ExecuteAsync(id, new ModificationDemandeMt(CriteresChoisis, Notes, Telephone, Email), User.Identity?.Name, ct);
        if (resultat == ResultatModificationMt.Introuvable)
        {
            return NotFound();
        }
        if (erreurs.Count > 0)
        {
            ModelState.AjouterErreurs(erreurs, champs: InscrireModel.Champs);
            await ChargerAsync(id, ct, garderSaisie: true);
            return Page();
        }
        await audit.EnregistrerAsync("Modification", "DemandeMedecinTraitant", Id(id), null, ct);
        return Retour(id, resultat == ResultatModificationMt.Close ? "Cette demande est close : elle ne peut plus être modifiée." : "Demande mise à jour.");
    }

    public async Task<IActionResult> OnPostRetirerAsync(long id, string? motif, CancellationToken ct)
    {
        if (!PeutAgir)
        {
            return Forbid();
        }
        var resultat = await retirer.ExecuteAsync(id, motif, User.Identity?.Name, ct);
        if (resultat == ResultatRetraitMt.Introuvable)
        {
            return NotFound();
        }
        if (resultat == ResultatRetraitMt.Retiree)
        {
            await audit.EnregistrerAsync("Modification", "DemandeMedecinTraitant", Id(id), null, ct);
        }
        return Retour(id, resultat switch
        {
            ResultatRetraitMt.Retiree => "Demande retirée de la liste.",
            ResultatRetraitMt.MotifObligatoire => "Indiquez le motif du retrait.",
            _ => "Cette demande est déjà close.",
        });
    }

    public async Task<IActionResult> OnPostFusionnerAsync(long id, long doublonId, CancellationToken ct)
    {
        if (!PeutAgir)
        {
            return Forbid();
        }
        var resultat = await fusionner.ExecuteAsync(id, doublonId, User.Identity?.Name, ct);
        if (resultat == ResultatFusionMt.Introuvable)
        {
            return NotFound();
        }
        if (resultat == ResultatFusionMt.Fusionnee)
        {
            await audit.EnregistrerAsync("Modification", "DemandeMedecinTraitant", Id(id), "Fusion de " + Id(doublonId), ct);
        }
        return Retour(id, resultat switch
        {
            ResultatFusionMt.Fusionnee => "Doublon fusionné dans cette demande.",
            ResultatFusionMt.MemeDemande => "Une demande ne peut pas être fusionnée avec elle-même.",
            _ => "Fusion impossible : le doublon n'est plus en attente, ou cette demande est close.",
        });
    }

    private RedirectResult Retour(long id, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/medecin-traitant/demande/{Id(id)}");
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> ChargerAsync(long id, CancellationToken ct, bool garderSaisie = false)
    {
        var fiche = await consulter.ExecuteAsync(id, ct);
        if (fiche is null || (!PeutAgir && fiche.Demande.InscritPar != User.Identity?.Name))
        {
            return false;
        }
        Fiche = fiche;
        await audit.LectureAsync("DemandeMedecinTraitant", Id(id), ct);
        if (!garderSaisie)
        {
            CriteresChoisis = [.. Criteres.Codes(fiche.Demande.Criteres)];
            Notes = fiche.Demande.Notes;
            Telephone = fiche.Demande.Telephone;
            Email = fiche.Demande.Email;
        }
        return true;
    }
}
