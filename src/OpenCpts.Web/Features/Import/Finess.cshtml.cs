using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>
/// Upload of the FINESS open-data <i>Structures</i> flux by the coordination, as the RPPS upload: the file is spooled to a
/// temporary file, read up to its first establishment at once (a wrong file is refused here, nothing written), then
/// imported in the background while htmx polls the progress. By default only the territory's establishments are kept.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
[RequestSizeLimit(RppsModel.TailleMaximale)]
[RequestFormLimits(MultipartBodyLengthLimit = RppsModel.TailleMaximale)]
public class FinessModel(OpenCptsDb db, ImportsEnCours imports, ConsulterRapportImport consulter) : PageModel
{
    [BindProperty]
    public IFormFile? Fichier { get; set; }

    [BindProperty]
    public bool ToutImporter { get; set; }

    public string? Erreur { get; private set; }
    public VueProgression? Progression { get; private set; }
    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? suivi, CancellationToken ct)
    {
        if (suivi is { } id)
        {
            Progression = await consulter.ProgressionAsync(id, ImportFiness.Type, ct);
        }
        Historique = await consulter.HistoriqueAsync(ImportFiness.Type, ct);
        return Page();
    }

    /// <summary>The progress partial polled every second by htmx.</summary>
    public async Task<IActionResult> OnGetProgressionAsync(Guid suivi, CancellationToken ct)
    {
        var vue = await consulter.ProgressionAsync(suivi, ImportFiness.Type, ct);
        return vue is null ? NotFound() : Partial("_Progression", vue);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Fichier is null || Fichier.Length == 0)
        {
            return await RefuserAsync("Choisissez le fichier FINESS « Structures » (JSON) à importer.", ct);
        }
        var temporaire = Path.Combine(Path.GetTempPath(), $"opencpts-finess-{Guid.NewGuid():N}.json");
        try
        {
            await using (var cible = new FileStream(temporaire, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await Fichier.CopyToAsync(cible, ct);
            }
            string? refus;
            await using (var flux = System.IO.File.OpenRead(temporaire))
            {
                refus = await LecteurFiness.VerifierAsync(flux, ct);
            }
            if (refus is not null)
            {
                System.IO.File.Delete(temporaire);
                return await RefuserAsync(refus, ct);
            }
        }
        catch
        {
            System.IO.File.Delete(temporaire);
            throw;
        }
        var suivi = imports.Lancer(temporaire, new DemandeImportFiness(Path.GetFileName(Fichier.FileName), ToutImporter, User.Identity?.Name), db.Perimetre.CptsId);
        return RedirectToPage(new { suivi = suivi.Id });
    }

    private async Task<IActionResult> RefuserAsync(string message, CancellationToken ct)
    {
        Erreur = message;
        Historique = await consulter.HistoriqueAsync(ImportFiness.Type, ct);
        return Page();
    }
}
