namespace OpenCpts.Web.Infrastructure;

/// <summary>
/// FINESS numbers (establishments and legal entities), typed by hand: 9 characters, stored without spaces. The last
/// character is a Luhn key (checked on public numbers, see <c>../shared/reference/rpps/FORMAT.md</c>). Corsican numbers
/// start with 2A or 2B: their key is not checked (its rule for the letters is not published in our references).
/// </summary>
public static class NumeroFiness
{
    public const string MessageInvalide = "Le numéro FINESS doit compter 9 caractères, le dernier étant sa clé de contrôle (ex. 180000002).";

    /// <summary>"18 000 000 2" → "180000002"; null when absent; <paramref name="valide"/> false when typed but not a FINESS number.</summary>
    public static string? Normaliser(string? saisie, out bool valide)
    {
        valide = true;
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return null;
        }
        var n = string.Concat(saisie.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        valide = n.Length == 9 && (n.StartsWith("2A", StringComparison.Ordinal) || n.StartsWith("2B", StringComparison.Ordinal)
            ? n[2..].All(char.IsAsciiDigit)
            : CleLuhn.EstValide(n));
        return valide ? n : null;
    }
}

/// <summary>
/// SIRET numbers typed by hand: 14 digits, stored without spaces, valid under the Luhn key (INSEE). La Poste's
/// establishments (SIREN 356 000 000) are the one exception INSEE documents: the sum of their digits is a multiple of 5.
/// </summary>
public static class NumeroSiret
{
    public const string MessageInvalide = "Le numéro SIRET doit compter 14 chiffres et sa clé de contrôle être valide (ex. 123 456 782 00010).";

    /// <summary>"123 456 782 00010" → "12345678200010"; null when absent; <paramref name="valide"/> false when typed but not a SIRET.</summary>
    public static string? Normaliser(string? saisie, out bool valide)
    {
        valide = true;
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return null;
        }
        var n = string.Concat(saisie.Where(c => !char.IsWhiteSpace(c)));
        valide = n.Length == 14 && n.All(char.IsAsciiDigit)
            && (CleLuhn.EstValide(n) || (n.StartsWith("356000000", StringComparison.Ordinal) && n.Sum(c => c - '0') % 5 == 0));
        return valide ? n : null;
    }
}
