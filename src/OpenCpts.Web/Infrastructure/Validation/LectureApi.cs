using System.Globalization;

namespace OpenCpts.Web.Infrastructure.Validation;

/// <summary>
/// Reading the dates and instants the APIs take as text. An empty or blank value is absent (null, no error), as an
/// empty query parameter is; an unreadable one adds one French message under the field's key.
/// </summary>
public static class LectureApi
{
    /// <summary>A calendar date, <c>AAAA-MM-JJ</c>; <paramref name="libelle"/> starts the message ("La date de naissance").</summary>
    public static DateOnly? Date(string? valeur, string champ, string libelle, ErreursValidation erreurs)
    {
        if (string.IsNullOrWhiteSpace(valeur))
        {
            return null;
        }
        if (DateOnly.TryParseExact(valeur.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        erreurs[champ] = [$"{libelle} doit être au format AAAA-MM-JJ."];
        return null;
    }

    /// <summary>An instant in ISO 8601 (UTC when it carries no offset), returned in UTC.</summary>
    public static DateTime? InstantUtc(string? valeur, string champ, string libelle, ErreursValidation erreurs)
    {
        if (string.IsNullOrWhiteSpace(valeur))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(valeur.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.UtcDateTime;
        }
        erreurs[champ] = [$"{libelle} doit être au format ISO 8601 (ex. 2026-11-23T08:00:00+01:00)."];
        return null;
    }
}
