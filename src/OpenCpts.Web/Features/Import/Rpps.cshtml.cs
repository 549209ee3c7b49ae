using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>What the progress partial shows: the running import, then its report.</summary>
/// <param name="Termine">Read once: the import may finish while the partial renders, and a view that read the live
/// flag twice showed "Import impossible" (finished, but no report loaded) and stopped polling.</param>
public sealed record VueProgression(SuiviImport Suivi, bool Termine, RapportImport? Rapport);

/// <summary>A past import in the history list.</summary>
public sealed record LigneHistorique(int Id, DateTime DebutUtc, string NomFichier, string Statut, string? LanceePar,
    long Lues, long Creees, long MisesAJour, long Rejetees);

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
            Progression = await VueAsync(id, ct);
        }
        await ChargerHistoriqueAsync(ct);
        return Page();
    }

    /// <summary>The progress partial polled every second by htmx.</summary>
    public async Task<IActionResult> OnGetProgressionAsync(Guid suivi, CancellationToken ct)
    {
        var vue = await VueAsync(suivi, ct);
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
        await ChargerHistoriqueAsync(ct);
        return Page();
    }

    private async Task<VueProgression?> VueAsync(Guid id, CancellationToken ct)
    {
        var suivi = imports.Trouver(id, db.Perimetre.CptsId);
        if (suivi is null)
        {
            return null;
        }
        var termine = suivi.Termine;
        RapportImport? rapport = null;
        if (termine && suivi.RapportId is { } rapportId)
        {
            rapport = await consulter.ExecuteAsync(rapportId, ct);
        }
        return new VueProgression(suivi, termine, rapport);
    }

    private async Task ChargerHistoriqueAsync(CancellationToken ct)
    {
        Historique = await db.RapportsImport.AsNoTracking()
            .Where(r => r.Type == ImportRpps.Type)
            .OrderByDescending(r => r.DebutUtc).ThenByDescending(r => r.Id)
            .Take(20)
            .Select(r => new LigneHistorique(r.Id, r.DebutUtc, r.NomFichier, r.Statut, r.LanceePar, r.Lues, r.Creees, r.MisesAJour, r.Rejetees))
            .ToListAsync(ct);
    }
}
