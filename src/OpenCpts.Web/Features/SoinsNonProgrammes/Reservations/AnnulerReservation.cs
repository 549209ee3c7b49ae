using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

public enum ResultatAnnulation
{
    Annulee,
    Introuvable,
    /// <summary>Already cancelled, or honoured / not honoured: nothing to cancel.</summary>
    NonAnnulable,
}

/// <summary>Cancels a confirmed booking; its slot is free again if it has not started.</summary>
public sealed class AnnulerReservation(OpenCptsDb db, TimeProvider horloge, JournalAudit audit, IEnumerable<IObservateurReservations> observateurs,
    Notifications.NotifierReservation notifications, ILogger<AnnulerReservation> journal)
{
    public async Task<ResultatAnnulation> ExecuteAsync(long reservationId, string? par, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var resultat = await AnnulerAsync(db, observateurs, reservationId, maintenant, ct);
        if (resultat == ResultatAnnulation.Annulee)
        {
            await transaction.CommitAsync(ct);
            journal.LogInformation("Booking {ReservationId} cancelled by {Utilisateur}", reservationId, par);
            await audit.EnregistrerAsync("Modification", "ReservationSnp", reservationId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Annulée", ct);
            await notifications.AnnuleeAsync(reservationId, ct);
        }
        return resultat;
    }

    /// <summary>The cancellation itself, inside the caller's transaction (also used by the rescheduling).</summary>
    internal static async Task<ResultatAnnulation> AnnulerAsync(OpenCptsDb db, IEnumerable<IObservateurReservations> observateurs, long reservationId,
        DateTime maintenant, CancellationToken ct)
    {
        var reservation = await db.ReservationsSnp.FirstOrDefaultAsync(r => r.Id == reservationId, ct);
        if (reservation is null)
        {
            return ResultatAnnulation.Introuvable;
        }
        if (reservation.Statut != StatutsReservation.Confirmee)
        {
            return ResultatAnnulation.NonAnnulable;
        }
        reservation.Statut = StatutsReservation.Annulee;
        reservation.Active = false;
        reservation.AnnuleeLeUtc = maintenant;
        await db.SaveChangesAsync(ct);
        // A slot that has started stays booked: nobody can use it any more. A surnuméraire appointment was
        // never part of the offer: it is withdrawn rather than freed.
        await db.CreneauxSnp
            .Where(c => c.Id == reservation.CreneauSnpId && c.Statut == StatutsCreneau.Reserve && c.DebutUtc > maintenant)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Statut, c => c.Surnumeraire ? StatutsCreneau.Retire : StatutsCreneau.Libre)
                .SetProperty(c => c.MisAJourLeUtc, maintenant), ct);
        foreach (var observateur in observateurs)
        {
            await observateur.ModifieeAsync(reservationId, maintenant, ct);
        }
        return ResultatAnnulation.Annulee;
    }
}
