using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>
/// Upload of the RPPS extraction by the coordination. The national file weighs hundreds of
/// megabytes: it is spooled to a temporary file, its header checked at once (a wrong file is
/// refused here, nothing written), then imported in the background while htmx polls the progress.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
[RequestSizeLimit(TailleMaximale)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleMaximale)]
public class RppsModel(OpenCptsDb db, ImportsEnCours imports, ConsulterRapportImport consulter) : PageModel
{
    public const long TailleMaximale = 1L << 30;

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
            Progression = await consulter.ProgressionAsync(id, ImportRpps.Type, ct);
        }
        Historique = await consulter.HistoriqueAsync(ImportRpps.Type, ct);
        return Page();
    }

    /// <summary>The progress partial polled every second by htmx.</summary>
    public async Task<IActionResult> OnGetProgressionAsync(Guid suivi, CancellationToken ct)
    {
        var vue = await consulter.ProgressionAsync(suivi, ImportRpps.Type, ct);
        return vue is null ? NotFound() : Partial("_Progression", vue);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Fichier is null || Fichier.Length == 0)
        {
            return await RefuserAsync("Choisissez le fichier PS_LibreAcces_Personne_activite à importer.", ct);
        }
        var temporaire = Path.Combine(Path.GetTempPath(), $"opencpts-rpps-{Guid.NewGuid():N}.txt");
        try
        {
            await using (var cible = new FileStream(temporaire, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await Fichier.CopyToAsync(cible, ct);
            }
            // Check the header now, so that a wrong file is refused on the page itself.
            await using (var flux = System.IO.File.OpenRead(temporaire))
            {
                switch (LecteurRpps.Ouvrir(flux, territoire: null))
                {
                    case OuvertureRpps.Refuse refus:
                        System.IO.File.Delete(temporaire);
                        return await RefuserAsync(refus.Message, ct);
                    case OuvertureRpps.Ouvert ouvert:
                        ouvert.Lecteur.Dispose();
                        break;
                }
            }
        }
        catch
        {
            System.IO.File.Delete(temporaire);
            throw;
        }
        var suivi = imports.Lancer(temporaire, new DemandeImportRpps(Path.GetFileName(Fichier.FileName), ToutImporter, User.Identity?.Name), db.Perimetre.CptsId);
        return RedirectToPage(new { suivi = suivi.Id });
    }

    private async Task<IActionResult> RefuserAsync(string message, CancellationToken ct)
    {
        Erreur = message;
        Historique = await consulter.HistoriqueAsync(ImportRpps.Type, ct);
        return Page();
    }
}
