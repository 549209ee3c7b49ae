using System.Text.RegularExpressions;

namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// Compares two answers that must be the same for an outsider (a forbidden id and an unknown one): blanks out what
/// legitimately differs between two requests — data-protection tokens (antiforgery, in forms, meta tags and htmx
/// headers), ProblemDetails trace ids — and whitespace.
/// </summary>
public static partial class ReponseComparable
{
    public static string Normaliser(string corps) => Blancs().Replace(Variables().Replace(corps, ""), " ");

    [GeneratedRegex("CfDJ8[\\w-]+|\"traceId\":\\s*\"[^\"]*\"")]
    private static partial Regex Variables();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blancs();
}
