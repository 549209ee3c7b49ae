namespace OpenCpts.Web.Infrastructure.Temps;

/// <summary>
/// Europe/Paris civil time, the one way to go between stored instants (UTC) and the days and wall-clock times users
/// speak of. "Today" is always <see cref="Aujourdhui"/>, a Paris day: at 23:30 UTC it is already tomorrow in Paris.
/// </summary>
public static class HeureParis
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The Paris wall-clock time of a UTC instant.</summary>
    public static DateTime DepuisUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The Paris calendar day of a UTC instant.</summary>
    public static DateOnly Jour(DateTime utc) => DateOnly.FromDateTime(DepuisUtc(utc));

    /// <summary>Today's date in Paris.</summary>
    public static DateOnly Aujourdhui(TimeProvider horloge) => Jour(horloge.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The UTC instant of a Paris wall-clock time, or null when that time does not exist (the spring change skips
    /// 02:00–03:00). An ambiguous autumn time is taken at its first occurrence (still summer time), which is what a
    /// patient reading "02:30" on the day expects first.
    /// </summary>
    public static DateTime? VersUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return null;
        }
        if (Zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset (summer time).
            var decalage = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - decalage, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The UTC instant a Paris day starts (midnight always exists: the changes happen at 02:00 and 03:00).</summary>
    public static DateTime DebutDuJourUtc(DateOnly jour) => VersUtc(jour.ToDateTime(TimeOnly.MinValue))!.Value;

    /// <summary>A UTC instant with the Paris offset of that moment, for APIs and FHIR (2026-07-01T10:00:00+02:00).</summary>
    public static DateTimeOffset AvecDecalage(DateTime utc)
    {
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(u).ToOffset(Zone.GetUtcOffset(u));
    }
}
