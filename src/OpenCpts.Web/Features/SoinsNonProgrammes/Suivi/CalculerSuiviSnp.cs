using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;

/// <summary>Time a professional gave to unscheduled care in a month: the basis of the compensation the CPTS pays.</summary>
public sealed record TempsDonne(
    string Rpps, string Nom, string Prenom, string Profession,
    int CreneauxOfferts, int CreneauxReserves, int Honores, int NonHonores,
    double HeuresOffertes, double HeuresUtilisees);

/// <summary>Slots offered and booked in one week (Monday, Europe/Paris).</summary>
public sealed record SemaineSnp(DateOnly Lundi, int Offerts, int Reserves);

public sealed record SuiviSnp(DateOnly Mois, IReadOnlyList<TempsDonne> ParProfessionnel, IReadOnlyList<SemaineSnp> ParSemaine)
{
    public int Offerts => ParProfessionnel.Sum(p => p.CreneauxOfferts);
    public int Reserves => ParProfessionnel.Sum(p => p.CreneauxReserves);
    public double HeuresOffertes => ParProfessionnel.Sum(p => p.HeuresOffertes);
    public double HeuresUtilisees => ParProfessionnel.Sum(p => p.HeuresUtilisees);

    /// <summary>Share of booked slots; null when nothing was offered.</summary>
    public double? TauxOccupation => Offerts == 0 ? null : (double)Reserves / Offerts;

    /// <summary>No-shows among the appointments whose outcome was recorded; null when none was.</summary>
    public double? TauxNonHonores
    {
        get
        {
            var renseignes = ParProfessionnel.Sum(p => p.Honores + p.NonHonores);
            return renseignes == 0 ? null : (double)ParProfessionnel.Sum(p => p.NonHonores) / renseignes;
        }
    }
}

/// <summary>
/// Follow-up of unscheduled care for one month (Europe/Paris): slots offered and booked per
/// professional and per week, hours given, no-show rate. Withdrawn slots were never offered.
/// </summary>
public sealed class CalculerSuiviSnp(OpenCptsDb db)
{
    public async Task<SuiviSnp> ExecuteAsync(DateOnly mois, CancellationToken ct = default)
    {
        var premier = new DateOnly(mois.Year, mois.Month, 1);
        var debutUtc = HeureParis.DebutDuJourUtc(premier);
        var finUtc = HeureParis.DebutDuJourUtc(premier.AddMonths(1));

        var creneaux = await db.CreneauxSnp
            .Where(c => c.DebutUtc >= debutUtc && c.DebutUtc < finUtc && c.Statut != StatutsCreneau.Retire)
            .Select(c => new
            {
                c.ProfessionnelId,
                c.DebutUtc,
                c.FinUtc,
                Reservation = db.ReservationsSnp.Where(r => r.CreneauSnpId == c.Id && r.Active).Select(r => r.Statut).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var ids = creneaux.Select(c => c.ProfessionnelId).Distinct().ToList();
        var professionnels = await db.Professionnels
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Rpps, p.Nom, p.Prenom, p.CodeProfession })
            .ToDictionaryAsync(p => p.Id, ct);

        var parProfessionnel = creneaux
            .GroupBy(c => c.ProfessionnelId)
            .Select(g =>
            {
                var p = professionnels[g.Key];
                var reserves = g.Where(c => c.Reservation is not null).ToList();
                return new TempsDonne(
                    p.Rpps, p.Nom, p.Prenom, Terminologies.Instance.Professions.Libelle(p.CodeProfession),
                    g.Count(), reserves.Count,
                    reserves.Count(c => c.Reservation == StatutsReservation.Honoree),
                    reserves.Count(c => c.Reservation == StatutsReservation.NonHonoree),
                    Math.Round(g.Sum(c => (c.FinUtc - c.DebutUtc).TotalHours), 2),
                    Math.Round(reserves.Sum(c => (c.FinUtc - c.DebutUtc).TotalHours), 2));
            })
            .OrderBy(t => t.Nom, StringComparer.Create(PlateformeWeb.Francais, true))
            .ThenBy(t => t.Prenom, StringComparer.Create(PlateformeWeb.Francais, true))
            .ToList();

        var parSemaine = creneaux
            .GroupBy(c => Lundi(HeureParis.Jour(c.DebutUtc)))
            .Select(g => new SemaineSnp(g.Key, g.Count(), g.Count(c => c.Reservation is not null)))
            .OrderBy(s => s.Lundi)
            .ToList();

        return new SuiviSnp(premier, parProfessionnel, parSemaine);
    }

    private static DateOnly Lundi(DateOnly jour) => jour.AddDays(-(((int)jour.DayOfWeek + 6) % 7));
}
