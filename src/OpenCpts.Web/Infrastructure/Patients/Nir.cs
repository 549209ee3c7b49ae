using System.Globalization;

namespace OpenCpts.Web.Infrastructure.Patients;

/// <summary>
/// The INS matricule, which is the NIR: 13 characters (digits, and 2A or 2B for a birth in Corsica at places 6–7)
/// followed by a 2-digit key, 97 − (the 13 as a number mod 97), Corsica counted as 19 (2A) and 18 (2B).
/// </summary>
public static class Nir
{
    public const int Longueur = 15;

    /// <summary>Spaces removed, letters upper-cased: the form an INS is stored and compared in.</summary>
    public static string Normaliser(string saisie) =>
        saisie.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>Whether a normalised value has the NIR shape (15 characters, digits but for 2A/2B), key not checked.</summary>
    public static bool AForme(string nir) =>
        nir.Length == Longueur && Nombre(nir[..13]) is not null && nir[13..].All(char.IsAsciiDigit);

    /// <summary>Whether a normalised value has the NIR shape and its key is right.</summary>
    public static bool CleValide(string nir) =>
        AForme(nir) && Cle(nir[..13]) == int.Parse(nir[13..], CultureInfo.InvariantCulture);

    /// <summary>The key of 13 characters (synthetic test and demo identities are made with it).</summary>
    public static int Cle(string treize) =>
        Nombre(treize) is { } n ? (int)(97 - n % 97) : throw new ArgumentException("Not the 13 characters of a NIR.", nameof(treize));

    /// <summary>The 13 characters followed by their key.</summary>
    public static string AvecCle(string treize) => treize + Cle(treize).ToString("00", CultureInfo.InvariantCulture);

    private static long? Nombre(string treize)
    {
        if (treize.Length != 13)
        {
            return null;
        }
        var chiffres = treize[5..7] switch
        {
            "2A" => treize[..5] + "19" + treize[7..],
            "2B" => treize[..5] + "18" + treize[7..],
            _ => treize,
        };
        return chiffres.All(char.IsAsciiDigit) ? long.Parse(chiffres, CultureInfo.InvariantCulture) : null;
    }
}
