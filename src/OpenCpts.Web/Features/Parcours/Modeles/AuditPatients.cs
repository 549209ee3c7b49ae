using System.Globalization;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>Logs the display of a list naming pathway patients: one read per patient shown, keyed by his id.</summary>
internal static class AuditPatients
{
    public static async Task LecturesAsync(this JournalAudit journal, IEnumerable<long> patients, string detail, CancellationToken ct)
    {
        foreach (var id in patients.Distinct())
        {
            await journal.EnregistrerAsync("Lecture", "PatientParcours", id.ToString(CultureInfo.InvariantCulture), detail, id, ct);
        }
    }
}
