using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Features.Sas.Envois;

/// <summary>
/// The appointment outbox (INT_R03). <see cref="PlanifierAsync"/> is called inside the transaction that books or
/// changes a booking; <see cref="TraiterAsync"/> sends what is due, oldest first, one booking's changes in order.
/// </summary>
public sealed class EnvoisSas(OpenCptsDb db, EnvoyerRendezVousSas envoyer, IOptions<OptionsSas> options, TimeProvider horloge, ILogger<EnvoisSas> journal)
{
    /// <summary>A claimed row is left alone by other instances for this long (a send takes at most 10 s).</summary>
    private static readonly TimeSpan Bail = TimeSpan.FromMinutes(2);

    /// <summary>Queues the push of a booking if the SAS made it; nothing for the others. Call it in the caller's transaction.</summary>
    public static async Task PlanifierAsync(OpenCptsDb db, long reservationId, string nature, DateTime maintenant, CancellationToken ct)
    {
        if (!await db.ReservationsSas.AnyAsync(r => r.ReservationSnpId == reservationId, ct))
        {
            return;
        }
        db.EnvoisSas.Add(new EnvoiSas { ReservationSnpId = reservationId, Nature = nature, CreeLeUtc = maintenant, ProchainEssaiUtc = maintenant });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Delay before attempt n+1: 30 s, 1 min, 2 min… capped at one hour.</summary>
    public static TimeSpan Attente(int tentatives) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(tentatives - 1, 12))));

    /// <summary>Sends the due rows; returns how many were sent.</summary>
    public async Task<int> TraiterAsync(CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.UrlPlateforme))
        {
            return 0;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // A change must not overtake the booking it changes: skip rows with an older pending row of the same booking.
        var dus = await db.EnvoisSas.AsNoTracking()
            .Where(e => e.ProchainEssaiUtc != null && e.ProchainEssaiUtc <= maintenant
                && !db.EnvoisSas.Any(a => a.ReservationSnpId == e.ReservationSnpId && a.Id < e.Id && a.ProchainEssaiUtc != null))
            .OrderBy(e => e.Id).Take(50).ToListAsync(ct);
        var envoyes = 0;
        foreach (var envoi in dus)
        {
            var prochain = envoi.ProchainEssaiUtc;
            var pris = await db.EnvoisSas.Where(e => e.Id == envoi.Id && e.ProchainEssaiUtc == prochain)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProchainEssaiUtc, maintenant + Bail), ct);
            if (pris == 0)
            {
                continue;
            }
            var regulateur = await (
                from r in db.ReservationsSas
                join c in db.ComptesRegulateursSas on r.CompteRegulateurSasId equals c.Id
                where r.ReservationSnpId == envoi.ReservationSnpId
                select c).AsNoTracking().FirstOrDefaultAsync(ct);
            var resultat = await envoyer.ExecuterAsync(envoi.ReservationSnpId, regulateur?.Identifiant(), ct);
            var tentatives = envoi.Tentatives + 1;
            var apres = horloge.GetUtcNow().UtcDateTime;
            if (resultat.Issue == IssueEnvoiSas.Envoye)
            {
                envoyes++;
                await db.EnvoisSas.Where(e => e.Id == envoi.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Tentatives, tentatives)
                    .SetProperty(e => e.EnvoyeLeUtc, apres)
                    .SetProperty(e => e.ProchainEssaiUtc, (DateTime?)null), ct);
                continue;
            }
            // A 4xx other than timeout / too many requests will not pass on a second try: kept, not retried.
            var definitif = resultat.Issue == IssueEnvoiSas.ReservationIntrouvable
                || (resultat.StatutHttp is >= 400 and < 500 and not 408 and not 429);
            var erreur = $"{resultat.Issue} {resultat.StatutHttp} {resultat.Detail}".Trim();
            erreur = erreur.Length > 1000 ? erreur[..1000] : erreur;
            DateTime? suivant = definitif ? null : apres + Attente(tentatives);
            await db.EnvoisSas.Where(e => e.Id == envoi.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Tentatives, tentatives)
                .SetProperty(e => e.DerniereErreur, erreur)
                .SetProperty(e => e.ProchainEssaiUtc, suivant), ct);
            journal.LogWarning("SAS appointment push {Envoi} failed (attempt {Tentatives}), next: {Suivant}", envoi.Id, tentatives, suivant);
        }
        return envoyes;
    }
}

/// <summary>Sends the appointment outbox every 15 s (<c>OpenCpts:Taches:EnvoisSas</c>); nothing without
/// <see cref="OptionsSas.UrlPlateforme"/>. A failed run leaves the rows due: the next one retries them.</summary>
public sealed class EnvoisSasPeriodiques(DependancesTache dependances) : TachePeriodique("EnvoisSas", TimeSpan.FromSeconds(15), dependances)
{
    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnvoisSas>().TraiterAsync(ct);
}
