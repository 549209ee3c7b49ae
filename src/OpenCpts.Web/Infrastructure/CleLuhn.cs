namespace OpenCpts.Web.Infrastructure;

/// <summary>Luhn key, as used by RPPS, FINESS and SIRET numbers.</summary>
public static class CleLuhn
{
    /// <summary>The digit to append to <paramref name="chiffres"/> so that the whole number passes the Luhn test.</summary>
    public static char Calculer(string chiffres)
    {
        var somme = 0;
        // Walking from the right, the first payload digit lands in an even position once the key is appended: it is doubled.
        var doubler = true;
        for (var i = chiffres.Length - 1; i >= 0; i--)
        {
            var d = chiffres[i] - '0';
            if (doubler)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            somme += d;
            doubler = !doubler;
        }
        return (char)('0' + ((10 - (somme % 10)) % 10));
    }

    public static bool EstValide(string? numero) =>
        numero is { Length: > 1 } && numero.All(char.IsAsciiDigit) && Calculer(numero[..^1]) == numero[^1];
}
