using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>Time to acceptance of one profession (hours), over the accepted requests of the period.</summary>
public sealed record DelaiAcceptation(string Profession, int Acceptees, double? MedianeHeures, double? P90Heures);

/// <summary>Requests without taker in one commune for one profession, with the commune's centre for the map.</summary>
public sealed record SansReponse(string CodeCommune, string Commune, string Profession, int Nombre, double? Latitude, double? Longitude);

public sealed record StatsDemandesPec(
    int Total, int Ouvertes, int Acceptees, int Annulees, int Escaladees,
    DelaiAcceptation Ensemble, IReadOnlyList<DelaiAcceptation> ParProfession, IReadOnlyList<SansReponse> SansReponse);

/// <summary>
/// Care-request statistics over the last <c>jours</c> days: time to acceptance (median, 90th percentile) overall
/// and by profession, and the requests nobody took — open past the escalation delay, or cancelled without taker —
/// by commune and profession: where the territory lacks professionals.
/// </summary>
public sealed class CalculerStatsDemandesPec(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<StatsDemandesPec> ExecuteAsync(int cptsId, int jours = 365, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var depuis = maintenant.AddDays(-jours);
        var delai = await db.ParametresParcours.Where(p => p.CptsId == cptsId).Select(p => (int?)p.DelaiEscaladeHeures).FirstOrDefaultAsync(ct)
            ?? ParametresParcours.DelaiEscaladeParDefaut;
        var demandes = await db.DemandesPriseEnCharge.AsNoTracking()
            .Where(d => d.CptsId == cptsId && d.CreeLeUtc >= depuis)
            .Select(d => new { d.CodeProfession, d.CodeCommune, d.Statut, d.CreeLeUtc, d.AccepteeLeUtc, d.EscaladeeLeUtc })
            .ToListAsync(ct);

        static DelaiAcceptation Delais(string profession, IEnumerable<double> heures)
        {
            var tri = heures.Order().ToArray();
            return new DelaiAcceptation(profession, tri.Length, Quantile(tri, 0.5), Quantile(tri, 0.9));
        }
        var acceptees = demandes.Where(d => d.Statut == StatutsDemandePec.Acceptee && d.AccepteeLeUtc is not null).ToList();
        var ensemble = Delais("Toutes professions", acceptees.Select(d => (d.AccepteeLeUtc!.Value - d.CreeLeUtc).TotalHours));
        var parProfession = acceptees
            .GroupBy(d => d.CodeProfession)
            .Select(g => Delais(Terminologies.Instance.Professions.Libelle(g.Key), g.Select(d => (d.AccepteeLeUtc!.Value - d.CreeLeUtc).TotalHours)))
            .OrderByDescending(d => d.Acceptees)
            .ToList();

        var sans = demandes
            .Where(d => (d.Statut == StatutsDemandePec.Ouverte && d.CreeLeUtc.AddHours(delai) <= maintenant) || d.Statut == StatutsDemandePec.Annulee)
            .GroupBy(d => (d.CodeCommune, d.CodeProfession))
            .Select(g => (g.Key.CodeCommune, g.Key.CodeProfession, Nombre: g.Count()))
            .ToList();
        var codes = sans.Select(s => s.CodeCommune).Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee))
            .Select(c => new { c.CodeInsee, c.Nom, c.Latitude, c.Longitude })
            .ToDictionaryAsync(c => c.CodeInsee, ct);
        var sansReponse = sans
            .Select(s => new SansReponse(s.CodeCommune, communes.GetValueOrDefault(s.CodeCommune)?.Nom ?? s.CodeCommune,
                Terminologies.Instance.Professions.Libelle(s.CodeProfession), s.Nombre,
                communes.GetValueOrDefault(s.CodeCommune)?.Latitude, communes.GetValueOrDefault(s.CodeCommune)?.Longitude))
            .OrderByDescending(s => s.Nombre).ThenBy(s => s.Commune, StringComparer.Ordinal)
            .ToList();

        return new StatsDemandesPec(
            demandes.Count,
            demandes.Count(d => d.Statut == StatutsDemandePec.Ouverte),
            demandes.Count(d => d.Statut == StatutsDemandePec.Acceptee),
            demandes.Count(d => d.Statut == StatutsDemandePec.Annulee),
            demandes.Count(d => d.EscaladeeLeUtc is not null),
            ensemble, parProfession, sansReponse);
    }

    /// <summary>Nearest-rank quantile of sorted values; null when there are none.</summary>
    public static double? Quantile(double[] tries, double q) =>
        tries.Length == 0 ? null : tries[Math.Clamp((int)Math.Ceiling(q * tries.Length) - 1, 0, tries.Length - 1)];
}
