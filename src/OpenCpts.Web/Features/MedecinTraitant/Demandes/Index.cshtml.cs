using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// The waiting list, sorted by priority, with why each patient ranks where he does. Coordination and Régulation
/// only: the Bureau sees the aggregated follow-up, a professional his own registrations.
/// </summary>
[Authorize(Policy = ListeAttente.PolitiqueListe)]
public class IndexModel(ListerDemandesMt lister, OpenCptsDb db, CptsCourante cpts, JournalAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "critere")]
    public string? Critere { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Texte { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public ListeDemandesMt Liste { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Nom)> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Liste = await lister.ExecuteAsync(new FiltreDemandesMt
        {
            Statut = string.IsNullOrEmpty(Statut) ? null : Statut,
            Commune = string.IsNullOrEmpty(Commune) ? null : Commune,
            Critere = string.IsNullOrEmpty(Critere) ? null : Critere,
            Texte = Texte?.Length > 100 ? Texte[..100] : Texte,
            Page = NumeroPage,
        }, ct);
        await audit.EnregistrerAsync("Lecture", "ListeMedecinTraitant", Liste.Page.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
        Response.Headers.Vary = "HX-Request";
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest())
        {
            return Partial("_ListeDemandes", this);
        }
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        Communes = [.. (await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).OrderBy(c => c.Nom)
            .Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct)).Select(c => (c.CodeInsee, c.Nom))];
        return Page();
    }

    /// <summary>The list URL with the current filters and another page number.</summary>
    public string Lien(int page) => "/medecin-traitant" + QueryString.Create(new Dictionary<string, string?>
    {
        ["statut"] = Statut,
        ["commune"] = Commune,
        ["critere"] = Critere,
        ["q"] = Texte,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
