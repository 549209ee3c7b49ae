using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>A small addition to solve, and the signed token that carries its answer and expiry.</summary>
public sealed record Defi(string Question, string Jeton);

/// <summary>
/// The anti-robot challenge of the public form: a small addition whose answer, expiry (from the injected clock) and a
/// random nonce travel in a token signed and encrypted with Data Protection. A token cannot be forged nor its answer
/// read; it is single-use: the first answer, right or wrong, claims its nonce in the database (<see cref="UsagesUniques"/>), so a
/// replay is refused on every instance.
/// </summary>
public sealed class DefiInscription(IDataProtectionProvider protection, TimeProvider horloge, IOptions<OptionsListeAttente> options, UsagesUniques usages)
{
    private readonly IDataProtector _protecteur = protection.CreateProtector("OpenCpts.MedecinTraitant.DefiInscription.v2");

    public Defi Nouveau()
    {
        var a = RandomNumberGenerator.GetInt32(1, 10);
        var b = RandomNumberGenerator.GetInt32(1, 10);
        var expire = horloge.GetUtcNow().AddMinutes(options.Value.DureeDefiMinutes).ToUnixTimeSeconds();
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var jeton = _protecteur.Protect(string.Create(CultureInfo.InvariantCulture, $"{a + b}|{expire}|{nonce}"));
        return new Defi(string.Create(CultureInfo.InvariantCulture, $"Combien font {a} + {b} ?"), jeton);
    }

    /// <summary>True when the token is ours, not expired, never used before, and the answer is right. Any answer uses the token up.</summary>
    public async Task<bool> VerifierAsync(string? jeton, string? reponse, CancellationToken ct = default)
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
        if (parties.Length != 3
            || !long.TryParse(parties[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expire)
            || horloge.GetUtcNow().ToUnixTimeSeconds() > expire)
        {
            return false;
        }
        // Any answer uses the token up, a wrong one too: otherwise a robot could try every sum with one token.
        return await usages.ReserverAsync("defi:" + parties[2], DateTimeOffset.FromUnixTimeSeconds(expire).UtcDateTime, ct)
            && parties[0] == reponse.Trim();
    }
}
