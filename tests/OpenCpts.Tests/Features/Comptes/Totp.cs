using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>
/// RFC 6238 TOTP as an authenticator app computes it (HMAC-SHA1, 30-second step, 6 digits), written
/// independently of Identity's implementation so that the tests check interoperability.
/// Identity's AuthenticatorTokenProvider reads the real clock (DateTimeOffset.UtcNow), not the
/// injected TimeProvider: codes must be computed with the real time, not the harness's FakeTimeProvider.
/// </summary>
public static class Totp
{
    public static string Code(string cleBase32, DateTimeOffset instant)
    {
        var pas = (ulong)(instant.ToUnixTimeSeconds() / 30);
        Span<byte> compteur = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(compteur, pas);
#pragma warning disable CA5350 // RFC 6238 and authenticator apps use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(cleBase32), compteur);
#pragma warning restore CA5350
        var decalage = hash[^1] & 0x0F;
        var binaire = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(decalage, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binaire.ToString("D6", CultureInfo.InvariantCulture);
    }

    public static string CodeActuel(string cleBase32) => Code(cleBase32, DateTimeOffset.UtcNow);

    private static byte[] Base32(string texte)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var propre = texte.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var octets = new List<byte>();
        int tampon = 0, bits = 0;
        foreach (var c in propre)
        {
            tampon = (tampon << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                octets.Add((byte)(tampon >> bits));
                tampon &= (1 << bits) - 1;
            }
        }
        return [.. octets];
    }
}
