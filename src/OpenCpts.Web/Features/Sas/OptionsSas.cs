using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Web.Features.Sas;

/// <summary>Settings of the SAS interface (section <c>OpenCpts:Sas</c>, plus <c>OpenCpts:UrlPublique</c>).</summary>
public sealed class OptionsSas
{
    /// <summary>Public address of the platform (https://cpts.example.fr): booking links and fullUrls. When empty,
    /// the address of the request is used.</summary>
    public string? UrlPublique { get; set; }

    /// <summary>Booking page of a slot, relative to <see cref="UrlPublique"/>; <c>{creneau}</c> is replaced by the
    /// slot id. The SAS appends <c>origin=…</c> when it redirects a regulator.</summary>
    public string ModeleUrlReservation { get; set; } = "/sas/reserver?creneau={creneau}";

    /// <summary>Slot types shown to the SAS. The guide (INT_R04) aggregates public, professional, SAS and CPTS
    /// slots, so all four by default.</summary>
    public List<string> VisibilitesExposees { get; set; } = [.. Visibilites.Toutes];

    /// <summary>FHIR base of the SAS platform that receives appointments (INT_R03); empty = nothing is sent.</summary>
    public string? UrlPlateforme { get; set; }

    /// <summary>Roles allowed to call /fhir (API token only); empty = the SAS platform's role, PlateformeSas.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>E-mails of further SAS platform accounts, besides those in role PlateformeSas (kept for configurations
    /// written before the role existed): with the role, the only callers allowed to write regulator accounts and ask
    /// for sign-in links.</summary>
    public List<string> ComptesPlateforme { get; set; } = [];

    /// <summary>Lifetime of a regulator's sign-in link, in seconds.</summary>
    public int DureeLienConnexionSecondes { get; set; } = 120;

    /// <summary>Mutual TLS of /fhir (off by default).</summary>
    public OptionsMtls Mtls { get; set; } = new();

    /// <summary>Memory given to the serialised entries of the slot search (megabytes).</summary>
    public int CacheFragmentsMo { get; set; } = 64;

    public string UrlReservation(string baseUrl, long creneauId) =>
        baseUrl.TrimEnd('/') + ModeleUrlReservation.Replace("{creneau}", creneauId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
