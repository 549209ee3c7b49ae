using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;

namespace OpenCpts.Web.Features.Sas.Regulateurs;

/// <summary>
/// A booking by a SAS regulator signed in through his link: origin SAS, the regulator recorded, and the
/// Appointment queued for the SAS in the same transaction as the booking.
/// </summary>
public sealed class ReserverDepuisSas(OpenCptsDb db, ReserverCreneau reserver, TimeProvider horloge, JournalAudit audit)
{
    public async Task<ResultatReservation> ExecuterAsync(long compteRegulateurId, long creneauId, SaisieIdentite patient, string? motif, CancellationToken ct = default)
    {
        var compte = await db.ComptesRegulateursSas.AsNoTracking().FirstOrDefaultAsync(c => c.Id == compteRegulateurId && c.Actif, ct);
        if (compte is null)
        {
            return new ResultatReservation.Invalide(new() { ["Regulateur"] = ["Votre habilitation de régulateur SAS n'est plus active."] });
        }
        var identifiant = compte.Identifiant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var resultat = await reserver.ExecuteAsync(new DemandeReservation(creneauId, patient, motif, OriginesReservation.Sas,
            $"SAS {identifiant.Valeur}"), ct);
        if (resultat is not ResultatReservation.Reservee reservee)
        {
            return resultat;
        }
        db.ReservationsSas.Add(new ReservationSas { ReservationSnpId = reservee.Reservation.Id, CompteRegulateurSasId = compte.Id });
        await db.SaveChangesAsync(ct);
        await EnvoisSas.PlanifierAsync(db, reservee.Reservation.Id, NaturesEnvoiSas.Creation, horloge.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        await ReserverCreneau.AuditerAsync(audit, reservee.Reservation.Id, OriginesReservation.Sas, ct);
        return resultat;
    }

    /// <summary>A SAS booking moved to another slot stays the regulator's, and the new one is pushed as a booking
    /// (the old one goes as cancelled). Runs in the rescheduling's transaction.</summary>
    internal static async Task ReporterAsync(OpenCptsDb db, long ancienneId, long nouvelleId, DateTime maintenant, CancellationToken ct)
    {
        var ancienne = await db.ReservationsSas.AsNoTracking().FirstOrDefaultAsync(r => r.ReservationSnpId == ancienneId, ct);
        if (ancienne is null)
        {
            return;
        }
        db.ReservationsSas.Add(new ReservationSas { ReservationSnpId = nouvelleId, CompteRegulateurSasId = ancienne.CompteRegulateurSasId });
        await db.SaveChangesAsync(ct);
        await EnvoisSas.PlanifierAsync(db, nouvelleId, NaturesEnvoiSas.Creation, maintenant, ct);
    }
}
