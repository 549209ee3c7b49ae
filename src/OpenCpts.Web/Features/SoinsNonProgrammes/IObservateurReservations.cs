namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary>
/// Told of a booking's changes inside the transaction that makes them, so that a feature built on unscheduled care
/// records its own consequences with the change or not at all (the SAS queues the Appointment it pushes back).
/// Implementations write through the request's <see cref="Infrastructure.Data.OpenCptsDb"/>, and are registered by
/// their own feature: this one knows none of them.
/// </summary>
public interface IObservateurReservations
{
    /// <summary>The booking was cancelled, or marked honoured / not honoured.</summary>
    Task ModifieeAsync(long reservationId, DateTime maintenant, CancellationToken ct);

    /// <summary>The booking <paramref name="ancienneId"/> was moved: it is cancelled and <paramref name="nouvelleId"/> replaces it.</summary>
    Task DeplaceeAsync(long ancienneId, long nouvelleId, DateTime maintenant, CancellationToken ct);
}
