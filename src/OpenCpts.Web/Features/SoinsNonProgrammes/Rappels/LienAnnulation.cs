using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Notifications;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Rappels;

/// <summary>
/// The patient's cancellation link: the booking (and its CPTS) signed and encrypted with ASP.NET Core Data Protection,
/// so a link cannot be forged nor changed to reach another booking. It needs no storage and stays valid while the
/// booking is confirmed and has not started: once used, the booking is cancelled and the same link is refused.
/// </summary>
public sealed class LienAnnulation(IDataProtectionProvider protection, IOptions<OptionsNotifications> options)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector("OpenCpts.Snp.AnnulationPatient.v1");

    public const string Chemin = "/rendez-vous/annulation/";

    public string Jeton(int cptsId, long reservationId) =>
        _protecteur.Protect(string.Create(CultureInfo.InvariantCulture, $"{cptsId}.{reservationId}"));

    /// <summary>The absolute link when the public address is known (<c>OpenCpts:UrlPublique</c>), else the path.</summary>
    public string Url(int cptsId, long reservationId) =>
        (string.IsNullOrWhiteSpace(options.Value.UrlPublique) ? "" : options.Value.UrlPublique.TrimEnd('/')) + Chemin + Jeton(cptsId, reservationId);

    /// <summary>The booking a link names, or null for a forged, altered or foreign link.</summary>
    public (int CptsId, long ReservationId)? Lire(string? jeton)
    {
        if (string.IsNullOrEmpty(jeton) || jeton.Length > 1000)
        {
            return null;
        }
        string contenu;
        try
        {
            contenu = _protecteur.Unprotect(jeton);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        var parties = contenu.Split('.');
        return parties.Length == 2
            && int.TryParse(parties[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cpts)
            && long.TryParse(parties[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (cpts, id)
            : null;
    }
}
