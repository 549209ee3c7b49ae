using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Exports;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;

/// <summary>Follow-up of unscheduled care and time given per professional (Coordination and Bureau).</summary>
[Authorize(Roles = Roles.Coordination + "," + Roles.Bureau)]
public class SuiviModel(CalculerSuiviSnp calculer, CalculerDemandesSnp calculerDemandes, TimeProvider horloge) : PageModel
{
    private static readonly string[] Entetes =
        ["RPPS", "Nom", "Prénom", "Profession", "Créneaux offerts", "Créneaux réservés", "Honorés", "Non honorés", "Heures offertes", "Heures utilisées"];

    /// <summary>The month shown, "yyyy-MM" (the value of an input type=month).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mois { get; set; }

    public SuiviSnp Suivi { get; private set; } = null!;

    public DemandesSnpDuMois Demandes { get; private set; } = null!;

    public DateOnly MoisAffiche { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!LireMois(out var mois))
        {
            ModelState.AddModelError(nameof(Mois), "Mois invalide : attendu AAAA-MM.");
        }
        MoisAffiche = mois;
        Suivi = await calculer.ExecuteAsync(mois, ct);
        Demandes = await calculerDemandes.ExecuteAsync(mois, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!LireMois(out var mois))
        {
            return BadRequest();
        }
        var suivi = await calculer.ExecuteAsync(mois, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"temps-donne-snp-{mois:yyyy-MM}.csv\"";
        await Tableur.EcrireCsvAsync(Response.Body, Entetes, Lignes(suivi), ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!LireMois(out var mois))
        {
            return BadRequest();
        }
        var suivi = await calculer.ExecuteAsync(mois, ct);
        var flux = new MemoryStream();
        Tableur.EcrireXlsx(flux, "Temps donné " + mois.ToString("yyyy-MM", CultureInfo.InvariantCulture), Entetes, Lignes(suivi));
        flux.Position = 0;
        return File(flux, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"temps-donne-snp-{mois:yyyy-MM}.xlsx");
    }

    private static IEnumerable<IReadOnlyList<object?>> Lignes(SuiviSnp suivi) =>
        suivi.ParProfessionnel.Select(t => (IReadOnlyList<object?>)
            [t.Rpps, t.Nom, t.Prenom, t.Profession, t.CreneauxOfferts, t.CreneauxReserves, t.Honores, t.NonHonores, t.HeuresOffertes, t.HeuresUtilisees]);

    private bool LireMois(out DateOnly mois)
    {
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        mois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1);
        if (string.IsNullOrWhiteSpace(Mois))
        {
            return true;
        }
        if (DateOnly.TryParseExact(Mois + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lu) && lu.Year is >= 2000 and <= 2100)
        {
            mois = lu;
            return true;
        }
        return false;
    }
}
