using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OpenCpts.Web.Features.MedecinTraitant;

/// <summary>A small addition to solve, and the signed token that carries its answer and expiry.</summary>
public sealed record Defi(string Question, string Jeton);

/// <summary>
/// The anti-robot challenge of the public form: a small addition whose answer and expiry (from the injected clock)
/// travel in a token signed and encrypted with Data Protection, so that the server keeps no state. A token cannot be
/// forged nor its answer read; it can be replayed until it expires, which the per-IP rate limit bounds.
/// </summary>
public sealed class DefiInscription(IDataProtectionProvider protection, TimeProvider horloge, OptionsListeAttente options)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector("OpenCpts.MedecinTraitant.DefiInscription.v1");

    public Defi Nouveau()
    {
        var a = RandomNumberGenerator.GetInt32(1, 10);
        var b = RandomNumberGenerator.GetInt32(1, 10);
        var expire = horloge.GetUtcNow().AddMinutes(options.DureeDefiMinutes).ToUnixTimeSeconds();
        var jeton = _protecteur.Protect(string.Create(CultureInfo.InvariantCulture, $"{a + b}|{expire}"));
        return new Defi(string.Create(CultureInfo.InvariantCulture, $"Combien font {a} + {b} ?"), jeton);
    }

    /// <summary>True when the token is ours, not expired, and the answer is right.</summary>
    public bool Verifier(string? jeton, string? reponse)
    {
        if (string.IsNullOrEmpty(jeton) || string.IsNullOrWhiteSpace(reponse) || jeton.Length > 2000)
        {
            return false;
        }
        string contenu;
        try
        {
            contenu = _protecteur.Unprotect(jeton);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var parties = contenu.Split('|');
        return parties.Length == 2
            && long.TryParse(parties[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expire)
            && horloge.GetUtcNow().ToUnixTimeSeconds() <= expire
            && parties[0] == reponse.Trim();
    }
}
