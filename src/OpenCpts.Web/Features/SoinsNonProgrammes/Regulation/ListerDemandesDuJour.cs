using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

public sealed record DemandeDuJour(long Id, DateTime CreeLeUtc, string Patient, string Urgence, string Statut, long? ReservationId);

/// <summary>The requests taken since midnight (Europe/Paris), newest first.</summary>
public sealed class ListerDemandesDuJour(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<IReadOnlyList<DemandeDuJour>> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var depuis = HeureParis.DebutDuJourUtc(HeureParis.Jour(maintenant));
        var lignes = await db.DemandesSnp.AsNoTracking()
            .Where(d => d.CreeLeUtc >= depuis)
            .OrderByDescending(d => d.CreeLeUtc)
            .Select(d => new { d.Id, d.CreeLeUtc, d.NomPatient, d.PrenomPatient, d.Urgence, d.Statut, d.ReservationSnpId })
            .Take(200)
            .ToListAsync(ct);
        return [.. lignes.Select(d => new DemandeDuJour(d.Id, d.CreeLeUtc, $"{d.NomPatient} {d.PrenomPatient}", d.Urgence, d.Statut, d.ReservationSnpId))];
    }
}
