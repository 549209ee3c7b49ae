using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Geocodage;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

public sealed record SiteAPlacer(int Id, string Professionnel, string? Adresse, string? Commune, double? Latitude, double? Longitude);

/// <summary>
/// Coordinates used to rank slots by distance: start the geocoding of the territory in the background,
/// or place a site by hand.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class GeocodageModel(OpenCptsDb db, CptsCourante cpts, SaisirCoordonneesSite saisir, IServiceScopeFactory scopes, ILogger<GeocodageModel> journal) : PageModel
{
    public IReadOnlyList<SiteAPlacer> Sites { get; private set; } = [];
    public int CommunesSansCoordonnees { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        CommunesSansCoordonnees = await db.Communes.CountAsync(c => codes.Contains(c.CodeInsee) && c.Latitude == null, ct);
        var sites = await db.Activites.AsNoTracking()
            .Where(a => a.CodeCommune != null && codes.Contains(a.CodeCommune))
            .OrderBy(a => a.Latitude != null).ThenBy(a => a.LibelleCommune).ThenBy(a => a.Id)
            .Join(db.Professionnels, a => a.ProfessionnelId, p => p.Id, (a, p) => new { a.Id, p.Prenom, p.Nom, a.Voie, a.LibelleCommune, a.Latitude, a.Longitude })
            .Take(100)
            .ToListAsync(ct);
        Sites = [.. sites.Select(s => new SiteAPlacer(s.Id, $"{s.Prenom} {s.Nom}", s.Voie, s.LibelleCommune, s.Latitude, s.Longitude))];
    }

    public IActionResult OnPostGeocoder()
    {
        // Runs after the response: a slow or absent address service never holds a request.
        var cptsId = db.Perimetre.CptsId;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (cptsId is { } id)
                {
                    scope.ServiceProvider.GetRequiredService<PerimetreCpts>().Fixer(id);
                }
                await scope.ServiceProvider.GetRequiredService<GeocoderTerritoire>().ExecuteAsync();
            }
            catch (Exception ex)
            {
                journal.LogError(ex, "Background geocoding of the territory failed");
            }
        });
        Message = "Géocodage lancé en arrière-plan : rechargez la page dans quelques minutes.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCoordonneesAsync(int activiteId, string? latitude, string? longitude, CancellationToken ct)
    {
        var ok = double.TryParse(latitude?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            & double.TryParse(longitude?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon);
        Message = !ok ? "Latitude et longitude doivent être des nombres (ex. 47,0810 et 2,3988)."
            : await saisir.ExecuteAsync(activiteId, lat, lon, ct) switch
            {
                ResultatCoordonnees.Enregistrees => "Coordonnées enregistrées.",
                ResultatCoordonnees.Invalides => "Latitude entre -90 et 90, longitude entre -180 et 180.",
                _ => "Lieu d'exercice introuvable.",
            };
        return RedirectToPage();
    }
}
