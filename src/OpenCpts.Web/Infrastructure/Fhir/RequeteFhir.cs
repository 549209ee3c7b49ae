namespace OpenCpts.Web.Infrastructure.Fhir;

/// <summary>
/// The query string as FHIR reads it: repeated parameters kept in order, and '+' kept as '+' (ASP.NET's parser
/// turns it into a space, which would break the time-zone offset of <c>start=ge2024-06-12T16:20:00.000+02:00</c>).
/// </summary>
public sealed class RequeteFhir
{
    /// <summary>Parameters every interaction accepts.</summary>
    private static readonly HashSet<string> Communs = ["_format", "_pretty"];

    public IReadOnlyList<KeyValuePair<string, string>> Parametres { get; }

    public RequeteFhir(string? chaine)
    {
        var liste = new List<KeyValuePair<string, string>>();
        foreach (var morceau in (chaine ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var i = morceau.IndexOf('=', StringComparison.Ordinal);
            var cle = i < 0 ? morceau : morceau[..i];
            var valeur = i < 0 ? "" : morceau[(i + 1)..];
            liste.Add(new(Uri.UnescapeDataString(cle), Uri.UnescapeDataString(valeur)));
        }
        Parametres = liste;
    }

    public IReadOnlyList<string> Valeurs(string cle) => [.. Parametres.Where(p => p.Key == cle).Select(p => p.Value)];

    /// <summary>The first parameter outside the allowed ones, if any.</summary>
    public string? Inconnu(params string[] autorises) =>
        Parametres.Select(p => p.Key).FirstOrDefault(k => !Communs.Contains(k) && !autorises.Contains(k));

    /// <summary>An error when the client asked for a format other than JSON (XML is not served).</summary>
    public IResult? FormatRefuse(HttpRequest requete)
    {
        var formats = Valeurs("_format");
        var format = formats.Count == 0 ? null : formats[^1];
        if (format is not null)
        {
            return format is "json" or "application/json" or "application/fhir+json" or "application/json+fhir" or "fhir+json"
                ? null
                : NonAcceptable(format);
        }
        var accepte = requete.Headers.Accept.ToString();
        if (accepte.Length == 0 || accepte.Contains("json", StringComparison.OrdinalIgnoreCase) || accepte.Contains("*/*", StringComparison.Ordinal))
        {
            return null;
        }
        return NonAcceptable(accepte);
    }

    private static IResult NonAcceptable(string format) =>
        ReponsesFhir.Erreur(StatusCodes.Status406NotAcceptable, Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported,
            $"Format « {format} » non pris en charge : ce serveur ne sert que application/fhir+json.",
            $"Format '{format}' is not supported: this server only serves application/fhir+json.");
}
