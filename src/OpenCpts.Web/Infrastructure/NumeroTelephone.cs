using System.Text;

namespace OpenCpts.Web.Infrastructure;

/// <summary>French phone numbers (patients, contacts, professionals), stored in one canonical form: 10 digits starting with 0 ("0612345678").</summary>
public static class NumeroTelephone
{
    /// <summary>The message for a number that is not a French one, the same on every form and API.</summary>
    public const string MessageInvalide = "Le téléphone doit être un numéro français à 10 chiffres (ex. 06 12 34 56 78).";

    /// <summary>"06 12 34 56 78", "06.12…", "06-12…", "+33 6…", "+33 (0)6…", "0033 6…" → "0612345678"; null for anything else.</summary>
    public static string? Normaliser(string? saisie)
    {
        if (string.IsNullOrWhiteSpace(saisie) || saisie.Length > 30)
        {
            return null;
        }
        var chiffres = new StringBuilder();
        var s = saisie.Trim();
        var international = s.StartsWith('+');
        foreach (var c in international ? s[1..] : s)
        {
            if (char.IsAsciiDigit(c))
            {
                chiffres.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return null;
            }
        }
        var n = chiffres.ToString();
        if (international || n.StartsWith("0033", StringComparison.Ordinal))
        {
            n = international ? n : n[2..];
            if (!n.StartsWith("33", StringComparison.Ordinal))
            {
                return null;
            }
            n = n[2..];
            if (n.StartsWith('0'))
            {
                n = n[1..];
            }
            n = "0" + n;
        }
        return n.Length == 10 && n[0] == '0' && n[1] != '0' ? n : null;
    }

    /// <summary>
    /// The international (E.164) form of a French number, as SMS providers want it: "06 12 34 56 78" → "+33612345678".
    /// Overseas mobiles take their own country code (ITU-T E.164 assignments of the French overseas departments):
    /// 0690/0691 → +590 (Guadeloupe, Saint-Martin, Saint-Barthélemy), 0694 → +594 (Guyane), 0696/0697 → +596
    /// (Martinique), 0692/0693 and 0639 → +262 (La Réunion, Mayotte). Null when the input is not a French number.
    /// </summary>
    public static string? VersE164(string? saisie)
    {
        if (Normaliser(saisie) is not { } n)
        {
            return null;
        }
        var indicatif = n[..4] switch
        {
            "0690" or "0691" => "590",
            "0694" => "594",
            "0696" or "0697" => "596",
            "0692" or "0693" or "0639" => "262",
            _ => "33",
        };
        return "+" + indicatif + n[1..];
    }

    /// <summary>
    /// True for a mobile number (06 or 07, the only French numbers that receive SMS reliably). Landlines (01–05),
    /// non-geographic numbers (09, often VoIP boxes) and special numbers (08) are not sent SMS.
    /// </summary>
    public static bool EstMobile(string? saisie) => Normaliser(saisie) is { } n && n[1] is '6' or '7';
}
