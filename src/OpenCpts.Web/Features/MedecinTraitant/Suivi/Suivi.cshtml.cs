using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Exports;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant.Suivi;

/// <summary>
/// Follow-up of the waiting list: aggregates only (Coordination, Bureau, Lecture institutionnelle). The export of
/// the list, with identities, is for the Coordination only and audited.
/// </summary>
[Authorize(Policy = ListeAttente.PolitiqueSuivi)]
public class SuiviModel(CalculerSuiviMt calculer, ListerDemandesMt lister, JournalAudit audit, TimeProvider horloge) : PageModel
{
    private static readonly string[] Entetes =
        ["Rang", "Référence", "Nom", "Prénom", "Date de naissance", "Commune", "Critères", "Statut", "Inscrit le", "Jours d'attente", "Score"];

    public SuiviMt Suivi { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Suivi = await calculer.ExecuteAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Coordination))
        {
            return Forbid();
        }
        var lignes = await LignesAsync("csv", ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{NomFichier()}.csv\"";
        await Tableur.EcrireCsvAsync(Response.Body, Entetes, lignes, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Coordination))
        {
            return Forbid();
        }
        var lignes = await LignesAsync("xlsx", ct);
        var flux = new MemoryStream();
        Tableur.EcrireXlsx(flux, "Liste d'attente", Entetes, lignes);
        flux.Position = 0;
        return File(flux, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NomFichier() + ".xlsx");
    }

    private string NomFichier() =>
        "liste-attente-medecin-traitant-" + HeureParis.DepuisUtc(horloge.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The open requests (waiting, proposed, accepted), in priority order.</summary>
    private async Task<List<IReadOnlyList<object?>>> LignesAsync(string format, CancellationToken ct)
    {
        var liste = await lister.ExecuteAsync(new FiltreDemandesMt { Statut = FiltreDemandesMt.TousStatuts, TaillePage = 10_000 }, ct);
        await audit.EnregistrerAsync("Export", "ListeMedecinTraitant", format, null, ct);
        return [.. liste.Lignes.Where(l => DetecterDoublons.StatutsOuverts.Contains(l.Statut)).Select(l => (IReadOnlyList<object?>)
        [
            l.Rang, l.Reference, l.Nom, l.Prenom, l.DateNaissance.ToString("dd/MM/yyyy", PlateformeWeb.Francais), l.NomCommune ?? l.CodeCommune,
            string.Join(", ", Criteres.Codes(l.Criteres)), StatutsDemandeMt.Libelle(l.Statut), Affichage.Date(l.InscritLeUtc), l.JoursAttente, l.Score.Total,
        ])];
    }
}
