using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>Care-request statistics (no identities) and, for the Coordination, the escalation delay.</summary>
[Authorize(Policy = Parcours.PolitiqueSuivi)]
public class SuiviDemandesModel(CptsCourante cpts, CalculerStatsDemandesPec calculer, ParametrerParcours parametres) : PageModel
{
    public StatsDemandesPec? Stats { get; private set; }
    public int DelaiEscaladeHeures { get; private set; }
    [TempData]
    public string? Message { get; set; }
    public string? Erreur { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostDelaiAsync(int? heures, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Coordination))
        {
            return Forbid();
        }
        var c = await cpts.ObtenirAsync(ct);
        Erreur = heures is null ? "Indiquez un nombre d'heures." : await parametres.DefinirDelaiEscaladeAsync(c.Id, heures.Value, ct);
        if (Erreur is not null)
        {
            await ChargerAsync(ct);
            return Page();
        }
        Message = $"Les demandes sans réponse après {heures} heure(s) seront signalées à la Coordination.";
        return RedirectToPage();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        if (await cpts.TrouverAsync(ct) is { } c)
        {
            Stats = await calculer.ExecuteAsync(c.Id, ct: ct);
            DelaiEscaladeHeures = await parametres.DelaiEscaladeAsync(c.Id, ct);
        }
    }
}
