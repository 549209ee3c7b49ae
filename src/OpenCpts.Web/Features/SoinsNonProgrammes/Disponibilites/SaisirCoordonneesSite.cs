using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

public enum ResultatCoordonnees
{
    Enregistrees,
    Introuvable,
    /// <summary>Not a point on Earth: latitude -90..90, longitude -180..180.</summary>
    Invalides,
}

/// <summary>The Coordination places a practice site by hand when the address service cannot.</summary>
public sealed class SaisirCoordonneesSite(OpenCptsDb db)
{
    public async Task<ResultatCoordonnees> ExecuteAsync(int activiteId, double latitude, double longitude, CancellationToken ct = default)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            return ResultatCoordonnees.Invalides;
        }
        var n = await db.Activites.Where(a => a.Id == activiteId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Latitude, latitude).SetProperty(a => a.Longitude, longitude), ct);
        return n == 1 ? ResultatCoordonnees.Enregistrees : ResultatCoordonnees.Introuvable;
    }
}
