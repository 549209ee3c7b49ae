using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;

/// <summary>Requests of one Europe/Paris day: taken that day, and answered (booked) that day whenever they were taken.</summary>
public sealed record JourDemandes(DateOnly Jour, int Creees, int Repondues);

/// <summary>Request statistics of one month.</summary>
/// <param name="Total">Requests taken in the month, cancelled ones excepted.</param>
/// <param name="Sous24h">Those of them booked at most 24 h after they were taken.</param>
/// <param name="Sous48h">Those of them booked at most 48 h after they were taken (includes <paramref name="Sous24h"/>).</param>
public sealed record DemandesSnpDuMois(DateOnly Mois, IReadOnlyList<JourDemandes> ParJour, int Total, int Sous24h, int Sous48h)
{
    /// <summary>Share answered within 24 h; null when no request was taken.</summary>
    public double? Part24h => Total == 0 ? null : (double)Sous24h / Total;

    /// <summary>Share answered within 48 h; null when no request was taken.</summary>
    public double? Part48h => Total == 0 ? null : (double)Sous48h / Total;
}

/// <summary>
/// Regulation requests of a month (Europe/Paris days). A request is <b>answered</b> when a booking was made
/// for it (at the desk or by an accepted surnuméraire invitation); its answer time is that booking's creation
/// time. It is answered <b>within 24 h</b> (48 h) when that time is at most 24 h (48 h) after the request was
/// taken, boundary included. The shares count requests taken in the month, cancelled ones excepted; requests
/// closed without solution, still open, or booked later count as not answered in time.
/// </summary>
public sealed class CalculerDemandesSnp(OpenCptsDb db, TimeProvider horloge)
{
    public static readonly TimeSpan Delai24h = TimeSpan.FromHours(24);
    public static readonly TimeSpan Delai48h = TimeSpan.FromHours(48);

    public async Task<DemandesSnpDuMois> ExecuteAsync(DateOnly mois, CancellationToken ct = default)
    {
        var premier = new DateOnly(mois.Year, mois.Month, 1);
        var debutUtc = HeureParis.DebutDuJourUtc(premier);
        var finUtc = HeureParis.DebutDuJourUtc(premier.AddMonths(1));

        var creees = await db.DemandesSnp.AsNoTracking()
            .Where(d => d.CreeLeUtc >= debutUtc && d.CreeLeUtc < finUtc && d.Statut != StatutsDemande.Annulee)
            .Select(d => new
            {
                d.CreeLeUtc,
                RepondueLeUtc = db.ReservationsSnp.Where(r => r.Id == d.ReservationSnpId).Select(r => (DateTime?)r.CreeLeUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var repondues = await db.DemandesSnp.AsNoTracking()
            .Where(d => d.ReservationSnpId != null)
            .Join(db.ReservationsSnp, d => d.ReservationSnpId, r => r.Id, (d, r) => r.CreeLeUtc)
            .Where(t => t >= debutUtc && t < finUtc)
            .ToListAsync(ct);

        // Every day of the month up to today, so that the chart shows the empty days too.
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        var dernier = premier.AddMonths(1).AddDays(-1);
        if (dernier > aujourdhui)
        {
            dernier = aujourdhui;
        }
        var parCreation = creees.GroupBy(d => HeureParis.Jour(d.CreeLeUtc)).ToDictionary(g => g.Key, g => g.Count());
        var parReponse = repondues.GroupBy(HeureParis.Jour).ToDictionary(g => g.Key, g => g.Count());
        var jours = new List<JourDemandes>();
        for (var j = premier; j <= dernier; j = j.AddDays(1))
        {
            jours.Add(new JourDemandes(j, parCreation.GetValueOrDefault(j), parReponse.GetValueOrDefault(j)));
        }

        return new DemandesSnpDuMois(premier, jours, creees.Count,
            creees.Count(d => d.RepondueLeUtc is { } t && t - d.CreeLeUtc <= Delai24h),
            creees.Count(d => d.RepondueLeUtc is { } t && t - d.CreeLeUtc <= Delai48h));
    }
}
