using System.Globalization;
using System.Text;

namespace OpenCpts.Web.Infrastructure;

/// <summary>
/// Normalises names for search: lower case, no accents, apostrophes and hyphens as spaces, so that
/// "dalene etievant" finds D'ALÈNE-ÉTIÉVANT on SQLite and PostgreSQL alike (a stored column, not a
/// collation, because the two providers do not share one).
/// </summary>
public static class TexteRecherche
{
    public static string Normaliser(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return "";
        }
        var decompose = texte.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decompose.Length);
        var espace = true;
        foreach (var c in decompose)
        {
            var categorie = CharUnicodeInfo.GetUnicodeCategory(c);
            if (categorie == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                espace = false;
            }
            else if (!espace)
            {
                sb.Append(' ');
                espace = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.Replace("œ", "oe").Replace("æ", "ae").ToString();
    }
}
