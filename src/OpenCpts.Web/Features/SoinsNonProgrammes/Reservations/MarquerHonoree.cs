using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

public enum ResultatPresence
{
    Marquee,
    Introuvable,
    /// <summary>The appointment has not started yet.</summary>
    TropTot,
    /// <summary>A cancelled booking cannot be marked.</summary>
    Annulee,
}

/// <summary>Records whether the patient came (honoured) or not, once the slot has started. It can be corrected.</summary>
public sealed class MarquerHonoree(OpenCptsDb db, TimeProvider horloge, IEnumerable<IObservateurReservations> observateurs)
{
    public Task<ResultatPresence> HonoreeAsync(long reservationId, CancellationToken ct = default) =>
        MarquerAsync(reservationId, StatutsReservation.Honoree, ct);

    public Task<ResultatPresence> NonHonoreeAsync(long reservationId, CancellationToken ct = default) =>
        MarquerAsync(reservationId, StatutsReservation.NonHonoree, ct);

    private async Task<ResultatPresence> MarquerAsync(long reservationId, string statut, CancellationToken ct)
    {
        var r = await db.ReservationsSnp
            .Where(r => r.Id == reservationId)
            .Select(r => new { r.Statut, Debut = db.CreneauxSnp.Where(c => c.Id == r.CreneauSnpId).Select(c => c.DebutUtc).First() })
            .FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return ResultatPresence.Introuvable;
        }
        if (r.Statut == StatutsReservation.Annulee)
        {
            return ResultatPresence.Annulee;
        }
        if (horloge.GetUtcNow().UtcDateTime < r.Debut)
        {
            return ResultatPresence.TropTot;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marquees = await db.ReservationsSnp.Where(x => x.Id == reservationId && x.Statut != StatutsReservation.Annulee && x.Statut != statut)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, statut), ct);
        if (marquees > 0)
        {
            // Observers (the SAS: fulfilled / noshow) learn of the change with the change itself, or not at all.
            foreach (var observateur in observateurs)
            {
                await observateur.ModifieeAsync(reservationId, horloge.GetUtcNow().UtcDateTime, ct);
            }
        }
        await transaction.CommitAsync(ct);
        return ResultatPresence.Marquee;
    }
}
