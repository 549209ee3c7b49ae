using System.Text;

namespace OpenCpts.Web.Infrastructure.Messages.Sms;

public enum EncodageSms
{
    /// <summary>The GSM 03.38 7-bit alphabet (with its extension table): 160 characters, 153 per part when split.</summary>
    Gsm7,
    /// <summary>Any other character: UCS-2, 70 UTF-16 units, 67 per part when split.</summary>
    Ucs2,
}

/// <summary>How a text travels as SMS: its encoding, the number of parts (segments) and the units it takes.</summary>
public sealed record DecoupageSms(EncodageSms Encodage, int Segments, int Unites);

/// <summary>
/// The length rules of SMS (3GPP TS 23.038 and 23.040). A text in the GSM 7-bit alphabet takes one septet per character
/// and two for the extension table (<c>^ { } \ [ ~ ] | €</c> and form feed): up to 160 septets fit in one SMS, and a
/// longer text is split into parts of 153 (the concatenation header takes the rest); an escape pair is never cut
/// between two parts. Any other character switches the whole text to UCS-2: 70 UTF-16 units in one SMS, 67 per part,
/// a surrogate pair never cut. Pure functions, no state.
/// </summary>
public static class SegmentsSms
{
    /// <summary>The basic GSM 7-bit alphabet (one septet each).</summary>
    private const string Base =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table (an escape septet plus one: two septets each).</summary>
    private const string Extension = "\f^{}\\[~]|€";

    public static bool EstGsm7(string texte) => texte.All(c => Base.Contains(c) || Extension.Contains(c));

    public static DecoupageSms Decouper(string texte)
    {
        if (EstGsm7(texte))
        {
            var couts = texte.Select(c => Extension.Contains(c) ? 2 : 1).ToList();
            return new DecoupageSms(EncodageSms.Gsm7, Parties(couts, 160, 153), couts.Sum());
        }
        var unites = new List<int>();
        for (var i = 0; i < texte.Length; i++)
        {
            // A surrogate pair (an emoji…) is one character of two units: it goes whole into one part.
            var paire = char.IsHighSurrogate(texte[i]) && i + 1 < texte.Length && char.IsLowSurrogate(texte[i + 1]);
            unites.Add(paire ? 2 : 1);
            i += paire ? 1 : 0;
        }
        return new DecoupageSms(EncodageSms.Ucs2, Parties(unites, 70, 67), unites.Sum());
    }

    /// <summary>One part when everything fits in <paramref name="seul"/>; else parts of <paramref name="parPartie"/>
    /// filled in order, a character that does not fit whole starting the next part.</summary>
    private static int Parties(List<int> couts, int seul, int parPartie)
    {
        if (couts.Sum() <= seul)
        {
            return 1;
        }
        var parties = 1;
        var rempli = 0;
        foreach (var cout in couts)
        {
            if (rempli + cout > parPartie)
            {
                parties++;
                rempli = 0;
            }
            rempli += cout;
        }
        return parties;
    }

    /// <summary>
    /// Replaces the characters of ordinary French typography that the GSM alphabet lacks by their nearest GSM form
    /// (ê → e, ô → o, ç → c, œ → oe, ’ → ', « » → ", non-breaking spaces → space…), so that one such character does not
    /// switch a whole message to UCS-2 and more than halve what fits in an SMS. The text is adapted, never cut; the
    /// outbox stores the adapted text, which is what is sent. Other characters (emoji, other scripts) are left alone.
    /// </summary>
    public static string AdapterAuGsm(string texte)
    {
        var sortie = new StringBuilder(texte.Length);
        foreach (var c in texte)
        {
            var remplacement = c switch
            {
                'â' or 'á' or 'ã' => "a",
                'ê' or 'ë' => "e",
                'î' or 'ï' or 'í' => "i",
                'ô' or 'ó' or 'õ' => "o",
                'û' or 'ú' => "u",
                'ç' => "c",
                'ÿ' => "y",
                'À' or 'Â' or 'Á' or 'Ã' => "A",
                'È' or 'Ê' or 'Ë' => "E",
                'Î' or 'Ï' or 'Í' => "I",
                'Ô' or 'Ó' or 'Õ' => "O",
                'Ù' or 'Û' or 'Ú' => "U",
                'Ÿ' => "Y",
                'œ' => "oe",
                'Œ' => "OE",
                '’' or '‘' or '′' => "'",
                '«' or '»' or '“' or '”' => "\"",
                '–' or '—' or '‑' => "-",
                '…' => "...",
                '\u00A0' or '\u202F' or '\u2009' => " ",
                _ => null,
            };
            if (remplacement is null)
            {
                sortie.Append(c);
            }
            else
            {
                sortie.Append(remplacement);
            }
        }
        return sortie.ToString();
    }
}
