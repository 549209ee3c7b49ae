using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>The authenticator-app enrolment data: otpauth URI, its QR code (inline SVG) and the readable key.</summary>
public static class CodeQr
{
    public const string Emetteur = "OpenCPTS";

    public static string UriAuthentificateur(string email, string cle) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"otpauth://totp/{UrlEncoder.Default.Encode(Emetteur)}:{UrlEncoder.Default.Encode(email)}?secret={cle}&issuer={UrlEncoder.Default.Encode(Emetteur)}&digits=6");

    /// <summary>
    /// Rendered on the server so that the secret never leaves the page for a third-party service;
    /// the SVG scales with its container (viewBox) to stay readable on a phone.
    /// </summary>
    public static string Svg(string contenu)
    {
        using var generateur = new QRCodeGenerator();
        using var donnees = generateur.CreateQrCode(contenu, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(donnees);
        return svg.GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>"JBSWY3DPEHPK3PXP" → "jbsw y3dp ehpk 3pxp", easier to type by hand.</summary>
    public static string CleLisible(string cle)
    {
        var resultat = new StringBuilder();
        for (var i = 0; i < cle.Length; i += 4)
        {
            if (resultat.Length > 0)
            {
                resultat.Append(' ');
            }
            resultat.Append(cle.AsSpan(i, Math.Min(4, cle.Length - i)));
        }
        return resultat.ToString().ToLowerInvariant();
    }
}
