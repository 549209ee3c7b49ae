using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Geocodage;

public sealed record BilanGeocodage(int Communes, int Sites, int Echecs);

/// <summary>
/// Fills the missing coordinates of the territory's communes and practice sites from the address
/// service. The coordinates stored on Commune / ActiviteProfessionnelle are the persistent cache; a place
/// the service could not find is not asked again for <see cref="DelaiNouvelEssai"/>. Offline: nothing changes.
/// </summary>
public sealed class GeocoderTerritoire(OpenCptsDb db, CptsCourante cpts, ClientBan ban, TimeProvider horloge, ILogger<GeocoderTerritoire> journal)
{
    public static readonly TimeSpan DelaiNouvelEssai = TimeSpan.FromDays(7);

    /// <summary>Below this BAN score a match is too doubtful to place a site.</summary>
    public const double ScoreMinimal = 0.5;

    public async Task<BilanGeocodage> ExecuteAsync(int maximum = 500, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var limite = maintenant - DelaiNouvelEssai;
        var territoire = (await cpts.CodesCommunesAsync(ct)).ToList();
        var recents = await db.GeocodageEchecs.Where(e => e.EssayeLeUtc > limite).Select(e => e.Cle).ToListAsync(ct);
        var ignores = recents.ToHashSet(StringComparer.Ordinal);
        int communes = 0, sites = 0, echecs = 0;

        var aFaire = await db.Communes.Where(c => territoire.Contains(c.CodeInsee) && c.Latitude == null)
            .Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct);
        foreach (var c in aFaire.Where(c => !ignores.Contains("commune:" + c.CodeInsee)).Take(maximum))
        {
            var point = await ban.CommuneAsync(c.Nom, c.CodeInsee, ct);
            if (point is null)
            {
                await EchecAsync("commune:" + c.CodeInsee, maintenant, ct);
                echecs++;
                continue;
            }
            await db.Communes.Where(x => x.CodeInsee == c.CodeInsee)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Latitude, point.Latitude).SetProperty(x => x.Longitude, point.Longitude), ct);
            communes++;
        }

        var sitesAFaire = await db.Activites.Where(a => a.CodeCommune != null && territoire.Contains(a.CodeCommune) && a.Latitude == null && a.Voie != null)
            .Select(a => new { a.Id, a.Voie, a.CodeCommune }).ToListAsync(ct);
        foreach (var a in sitesAFaire.Where(a => !ignores.Contains("site:" + a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Take(maximum))
        {
            var cle = "site:" + a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var point = await ban.AdresseAsync(a.Voie!, a.CodeCommune!, ct);
            if (point is null || point.Score < ScoreMinimal)
            {
                await EchecAsync(cle, maintenant, ct);
                echecs++;
                continue;
            }
            await db.Activites.Where(x => x.Id == a.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Latitude, point.Latitude).SetProperty(x => x.Longitude, point.Longitude), ct);
            sites++;
        }
        journal.LogInformation("Geocoding: {Communes} communes, {Sites} sites located, {Echecs} not found or unreachable", communes, sites, echecs);
        return new BilanGeocodage(communes, sites, echecs);
    }

    private async Task EchecAsync(string cle, DateTime maintenant, CancellationToken ct)
    {
        var existant = await db.GeocodageEchecs.FindAsync([cle], ct);
        if (existant is null)
        {
            db.GeocodageEchecs.Add(new GeocodageEchec { Cle = cle, EssayeLeUtc = maintenant });
        }
        else
        {
            existant.EssayeLeUtc = maintenant;
        }
        await db.SaveChangesAsync(ct);
    }
}
