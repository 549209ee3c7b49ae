using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary>
/// Europe/Paris wall-clock time to UTC for slots. A pattern says "17:00" in local time, so the UTC
/// instant moves by an hour across daylight-saving changes.
/// </summary>
public static class HeureDeParis
{
    /// <summary>
    /// The UTC instant of a local time, or null when that local time does not exist (the spring
    /// change skips 02:00–03:00). An ambiguous autumn time is taken at its first occurrence (still
    /// summer time), which is what a patient reading "02:30" on the day expects first.
    /// </summary>
    public static DateTime? VersUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var zone = Affichage.Paris;
        if (zone.IsInvalidTime(local))
        {
            return null;
        }
        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset (summer time).
            var decalage = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - decalage, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The Paris calendar day of a UTC instant.</summary>
    public static DateOnly Jour(DateTime utc) => DateOnly.FromDateTime(Affichage.EnHeureDeParis(utc));
}
