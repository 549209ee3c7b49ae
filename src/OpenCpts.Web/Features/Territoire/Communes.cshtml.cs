using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>A message shown after a change, with its Bootstrap alert style.</summary>
public sealed record MessageTerritoire(string Texte, string Style);

/// <summary>The coordination edits the communes of the territory: search the national reference, add, remove.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class CommunesModel(IndicateursTerritoire indicateurs, RechercherCommunes rechercher, AjouterCommune ajouter, RetirerCommune retirer) : PageModel
{
    public TableauTerritoire? Tableau { get; private set; }
    public MessageTerritoire? Message { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    public IReadOnlyList<CommuneTrouvee> Resultats { get; private set; } = [];

    private bool EstHtmx => Request.Headers.ContainsKey("HX-Request");

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    /// <summary>Live search (htmx): only the results list; without htmx, the whole page with the results.</summary>
    public async Task<IActionResult> OnGetRechercheAsync(CancellationToken ct)
    {
        if (EstHtmx)
        {
            Resultats = await rechercher.ExecuteAsync(Recherche, ct);
            return Partial("_ResultatsCommunes", this);
        }
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAjouterAsync([FromForm] string? codeInsee, CancellationToken ct)
    {
        var resultat = await ajouter.ExecuteAsync(codeInsee, ct);
        Message = resultat switch
        {
            ResultatAjoutCommune.Ajoutee a => new($"{a.Nom} ({a.CodeInsee}) a été ajoutée au territoire.", "success"),
            ResultatAjoutCommune.DejaPresente d => new($"{d.Nom} ({d.CodeInsee}) fait déjà partie du territoire.", "info"),
            ResultatAjoutCommune.Introuvable i => new($"Commune introuvable : aucune commune n'a le code INSEE « {i.CodeInsee} ».", "danger"),
            _ => throw new InvalidOperationException(resultat.GetType().Name),
        };
        return await ApresModificationAsync(ct);
    }

    public async Task<IActionResult> OnPostRetirerAsync([FromForm] string? codeInsee, CancellationToken ct)
    {
        var resultat = await retirer.ExecuteAsync(codeInsee, ct);
        Message = resultat switch
        {
            ResultatRetraitCommune.Retiree r => new($"{r.Nom} ({r.CodeInsee}) a été retirée du territoire.", "success"),
            ResultatRetraitCommune.Absente a => new($"La commune « {a.CodeInsee} » ne fait pas partie du territoire.", "warning"),
            _ => throw new InvalidOperationException(resultat.GetType().Name),
        };
        return await ApresModificationAsync(ct);
    }

    // Rendered in place rather than redirected: adding and removing are idempotent, and the message
    // and recomputed totals belong to the answer.
    private async Task<IActionResult> ApresModificationAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return EstHtmx ? Partial("_CommunesDuTerritoire", this) : Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Tableau = await indicateurs.ExecuteAsync(ct);
        Resultats = await rechercher.ExecuteAsync(Recherche, ct);
    }
}
