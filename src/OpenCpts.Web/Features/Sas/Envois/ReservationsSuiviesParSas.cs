using OpenCpts.Web.Features.Sas.Regulateurs;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Sas.Envois;

/// <summary>Queues the Appointment push when unscheduled care changes a booking the SAS made (no-op for the others),
/// in the transaction of the change.</summary>
public sealed class ReservationsSuiviesParSas(OpenCptsDb db) : IObservateurReservations
{
    public Task ModifieeAsync(long reservationId, DateTime maintenant, CancellationToken ct) =>
        EnvoisSas.PlanifierAsync(db, reservationId, NaturesEnvoiSas.MiseAJour, maintenant, ct);

    public Task DeplaceeAsync(long ancienneId, long nouvelleId, DateTime maintenant, CancellationToken ct) =>
        ReserverDepuisSas.ReporterAsync(db, ancienneId, nouvelleId, maintenant, ct);
}
