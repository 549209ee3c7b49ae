using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Annuaire.Structures;

/// <summary>Closes (from a date) or reopens a structure entered by hand by this CPTS (Coordination). Nothing is deleted.</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class FermetureModel(EnregistrerStructure enregistrer, FermerStructure fermer, TimeProvider horloge) : PageModel
{
    /// <summary>Kept as typed ("yyyy-MM-dd" from the date input) so that a wrong value is shown again.</summary>
    [BindProperty] public string? FermeeLe { get; set; }

    public StructureModifiable Structure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await enregistrer.LireAsync(id, ct) is not { } s)
        {
            return NotFound();
        }
        Structure = s;
        FermeeLe = (s.FermeeLe ?? HeureParis.Aujourdhui(horloge)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostFermerAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        DateOnly? le = null;
        if (!string.IsNullOrWhiteSpace(FermeeLe))
        {
            if (!DateOnly.TryParseExact(FermeeLe.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                ModelState.AddModelError(nameof(FermeeLe), "La date de fermeture n'est pas une date valide.");
                return await PageAsync(id, ct);
            }
            le = d;
        }
        return await ApresAsync(id, await fermer.FermerAsync(id, le, ct), "Structure fermée : elle reste dans l'annuaire, marquée fermée.", ct);
    }

    public async Task<IActionResult> OnPostRouvrirAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        return await ApresAsync(id, await fermer.RouvrirAsync(id, ct), "Structure rouverte.", ct);
    }

    private async Task<IActionResult> ApresAsync(int id, ResultatFermeture resultat, string message, CancellationToken ct)
    {
        switch (resultat)
        {
            case ResultatFermeture.Fait:
                TempData["Message"] = message;
                return Redirect("/annuaire/structures/" + id.ToString(CultureInfo.InvariantCulture));
            case ResultatFermeture.Invalide invalide:
                ModelState.AjouterErreurs(invalide.Erreurs);
                return await PageAsync(id, ct);
            case ResultatFermeture.SuitLeFiness:
                // The page says so and offers no form: a POST here comes from elsewhere.
                var page = await PageAsync(id, ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return page;
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> PageAsync(int id, CancellationToken ct)
    {
        if (await enregistrer.LireAsync(id, ct) is not { } s)
        {
            return NotFound();
        }
        Structure = s;
        return Page();
    }
}
