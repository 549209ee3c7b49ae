using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

/// <summary>
/// Moves a booking to another slot: the new slot is booked and the old booking cancelled in one
/// transaction, so the patient never ends with two appointments or none.
/// </summary>
public sealed class ReplanifierReservation(OpenCptsDb db, TimeProvider horloge, JournalAudit audit, IEnumerable<IObservateurReservations> observateurs,
    Notifications.NotifierReservation notifications, ILogger<ReplanifierReservation> journal)
{
    public async Task<ResultatReservation> ExecuteAsync(long reservationId, long nouveauCreneauId, string? par, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ancienne = await db.ReservationsSnp.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reservationId, ct);
        if (ancienne is null)
        {
            return new ResultatReservation.Introuvable();
        }
        if (ancienne.Statut != StatutsReservation.Confirmee || ancienne.CreneauSnpId == nouveauCreneauId)
        {
            return new ResultatReservation.Indisponible();
        }

        // Cancel first: the old slot is released before the new one is claimed, and both happen or neither.
        var annulation = await AnnulerReservation.AnnulerAsync(db, observateurs, reservationId, maintenant, ct);
        if (annulation != ResultatAnnulation.Annulee)
        {
            return new ResultatReservation.Indisponible();
        }
        var resultat = await ReserverCreneau.ReserverAsync(db, nouveauCreneauId, maintenant, r =>
        {
            r.NomPatient = ancienne.NomPatient;
            r.PrenomPatient = ancienne.PrenomPatient;
            r.DateNaissance = ancienne.DateNaissance;
            r.Telephone = ancienne.Telephone;
            r.Email = ancienne.Email;
            r.CodeCommune = ancienne.CodeCommune;
            r.Ins = ancienne.Ins;
            r.Motif = ancienne.Motif;
            r.Origine = ancienne.Origine;
            r.CreePar = par;
        }, ct);
        if (resultat is not ResultatReservation.Reservee reservee)
        {
            // Disposing the transaction rolls the cancellation back.
            db.ChangeTracker.Clear();
            return resultat;
        }
        foreach (var observateur in observateurs)
        {
            await observateur.DeplaceeAsync(reservationId, reservee.Reservation.Id, maintenant, ct);
        }
        await db.DemandesSnp.Where(d => d.ReservationSnpId == reservationId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReservationSnpId, reservee.Reservation.Id), ct);
        await transaction.CommitAsync(ct);
        journal.LogInformation("Booking {ReservationId} moved to {NouvelleReservationId} by {Utilisateur}", reservationId, reservee.Reservation.Id, par);
        await audit.EnregistrerAsync("Modification", "ReservationSnp", reservationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Déplacée : réservation {reservee.Reservation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ct);
        await notifications.DeplaceeAsync(reservationId, reservee.Reservation.Id, ct);
        return resultat;
    }
}
