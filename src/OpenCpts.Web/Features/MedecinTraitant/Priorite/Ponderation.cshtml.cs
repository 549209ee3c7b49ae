using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.MedecinTraitant.Priorite;

/// <summary>
/// The weights of the priority score (Coordination). "Aperçu" shows the top 10 of the waiting list with the weights
/// typed, beside the current top 10, without saving; "Enregistrer" saves.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class PonderationModel(ChargerPonderation charger, EnregistrerPonderation enregistrer, ListerDemandesMt lister, CptsCourante cpts, TimeProvider horloge, JournalAudit audit) : PageModel
{
    [BindProperty] public SaisiePonderation Poids { get; set; } = SaisiePonderation.Depuis(new PonderationPriorite());

    public PonderationPriorite Actuelle { get; private set; } = null!;
    public IReadOnlyList<LigneDemandeMt> TopActuel { get; private set; } = [];
    /// <summary>The top 10 with the typed weights (preview), null when not previewing.</summary>
    public IReadOnlyList<(LigneDemandeMt Ligne, int Score)>? TopApercu { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        Poids = SaisiePonderation.Depuis(Actuelle);
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        if (!ModelState.IsValid || !await enregistrer.ExecuteAsync(cptsId, Poids, User.Identity?.Name, ct))
        {
            ModelState.AddModelError("", $"Chaque poids est un nombre entier de 0 à {EnregistrerPonderation.PoidsMax}.");
            await ChargerAsync(ct);
            return Page();
        }
        TempData["Message"] = "Pondération enregistrée : la liste est triée avec ces poids.";
        return Redirect("/medecin-traitant/ponderation");
    }

    public async Task<IActionResult> OnPostApercuAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        if (!ModelState.IsValid || Poids.Valeurs().Any(v => v is < 0 or > EnregistrerPonderation.PoidsMax))
        {
            ModelState.AddModelError("", $"Chaque poids est un nombre entier de 0 à {EnregistrerPonderation.PoidsMax}.");
            return Page();
        }
        // Re-rank the whole waiting list with the typed weights, in memory.
        var essai = Poids.Appliquer(new PonderationPriorite());
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var toutes = await lister.ExecuteAsync(new FiltreDemandesMt { TaillePage = 10_000 }, ct);
        TopApercu = [.. toutes.Lignes
            .Select(l => (Ligne: l, Score: CalculerPriorite.Total(essai, l.Criteres, l.InscritLeUtc, maintenant)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Ligne.InscritLeUtc).ThenBy(x => x.Ligne.Id)
            .Take(10)];
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Actuelle = await charger.ExecuteAsync((await cpts.ObtenirAsync(ct)).Id, ct);
        TopActuel = (await lister.ExecuteAsync(new FiltreDemandesMt { TaillePage = 10 }, ct)).Lignes;
        await audit.EnregistrerAsync("Lecture", "ListeMedecinTraitant", "ponderation", null, ct);
    }
}
