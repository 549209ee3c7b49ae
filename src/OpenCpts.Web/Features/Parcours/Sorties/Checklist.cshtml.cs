using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>One editable row of the checklist template form.</summary>
public sealed class LigneChecklist
{
    public string? Libelle { get; set; }
    public int DelaiJours { get; set; }
    public string? Responsable { get; set; }
}

/// <summary>
/// The CPTS's discharge checklist, for the Coordination: rename, set the delay and the default owner, add, move, delete
/// items; each action saves the whole list. "Revenir à la liste par défaut" deletes the template. Plans already opened
/// keep their copy.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class ChecklistSortieModel(ChargerChecklistSortie charger, ModifierChecklistSortie modifier, CptsCourante cpts) : PageModel
{
    [BindProperty] public List<LigneChecklist> Lignes { get; set; } = [];
    [BindProperty] public LigneChecklist Nouvelle { get; set; } = new();

    public bool Personnalisee { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (elements, personnalisee) = await charger.ExecuteAsync((await cpts.ObtenirAsync(ct)).Id, ct);
        Personnalisee = personnalisee;
        Lignes = [.. elements.Select(e => new LigneChecklist { Libelle = e.Libelle, DelaiJours = e.DelaiJours, Responsable = e.ResponsableParDefaut })];
        return Page();
    }

    /// <param name="operation">"enregistrer", "ajouter", "monter-N", "descendre-N" or "supprimer-N" (N: row index).</param>
    public async Task<IActionResult> OnPostAsync(string? operation, CancellationToken ct)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        // A delay that is not a number cannot be saved: say so beside it rather than saving 0.
        var malSaisis = ModelState.Where(e => e.Key.EndsWith(".DelaiJours", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        if (malSaisis.Count > 0)
        {
            foreach (var cle in malSaisis)
            {
                ModelState.Remove(cle);
                ModelState.AddModelError(cle, "Le délai est un nombre de jours (par exemple -1 ou 7).");
            }
            return await PageAsync(cptsId, ct);
        }
        var (nom, index) = Decouper(operation);
        var message = "Liste de sortie enregistrée.";
        switch (nom)
        {
            case "ajouter":
                if (string.IsNullOrWhiteSpace(Nouvelle.Libelle))
                {
                    ModelState.AddModelError("Nouvelle.Libelle", "Le libellé du nouvel élément est obligatoire.");
                    return await PageAsync(cptsId, ct);
                }
                Lignes.Add(Nouvelle);
                message = "Élément ajouté.";
                break;
            case "monter" when index is > 0 && index < Lignes.Count:
                (Lignes[index.Value - 1], Lignes[index.Value]) = (Lignes[index.Value], Lignes[index.Value - 1]);
                message = "Ordre enregistré.";
                break;
            case "descendre" when index is { } i && i >= 0 && i < Lignes.Count - 1:
                (Lignes[i + 1], Lignes[i]) = (Lignes[i], Lignes[i + 1]);
                message = "Ordre enregistré.";
                break;
            case "supprimer" when index is { } i && i >= 0 && i < Lignes.Count:
                Lignes.RemoveAt(i);
                message = "Élément supprimé.";
                break;
        }
        var resultat = await modifier.ExecuteAsync(cptsId,
            [.. Lignes.Select(l => new ElementChecklist(l.Libelle ?? "", l.DelaiJours, l.Responsable))], ct);
        if (resultat is ResultatModificationChecklist.Invalide inv)
        {
            ModelState.Clear();
            ModelState.AjouterErreurs(inv.Erreurs);
            return await PageAsync(cptsId, ct);
        }
        Message = message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetablirAsync(CancellationToken ct)
    {
        await modifier.RetablirParDefautAsync((await cpts.ObtenirAsync(ct)).Id, ct);
        Message = "La liste par défaut est rétablie pour les prochains plans.";
        return RedirectToPage();
    }

    private async Task<PageResult> PageAsync(int cptsId, CancellationToken ct)
    {
        Personnalisee = (await charger.ExecuteAsync(cptsId, ct)).Personnalisee;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static (string? Nom, int? Index) Decouper(string? operation)
    {
        if (string.IsNullOrEmpty(operation))
        {
            return ("enregistrer", null);
        }
        var tiret = operation.LastIndexOf('-');
        return tiret > 0 && int.TryParse(operation[(tiret + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? (operation[..tiret], i)
            : (operation, null);
    }
}
