using System.Globalization;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>Formatting for French users: dates stored in UTC, shown in Europe/Paris.</summary>
public static class Affichage
{
    public static string DateHeure(DateTime utc) =>
        HeureParis.DepuisUtc(utc).ToString("dd/MM/yyyy HH:mm", PlateformeWeb.Francais);

    public static string Date(DateTime utc) =>
        HeureParis.DepuisUtc(utc).ToString("dd/MM/yyyy", PlateformeWeb.Francais);

    /// <summary>"14:20", Paris time.</summary>
    public static string Heure(DateTime utc) =>
        HeureParis.DepuisUtc(utc).ToString("HH:mm", PlateformeWeb.Francais);

    public static string Nombre(long n) => n.ToString("N0", PlateformeWeb.Francais);

    public static string Nombre(double n, int decimales) => n.ToString("N" + decimales.ToString(CultureInfo.InvariantCulture), PlateformeWeb.Francais);

    /// <summary>"0261911007" → "02 61 91 10 07".</summary>
    public static string Telephone(string? numero)
    {
        if (string.IsNullOrEmpty(numero) || numero.Length != 10 || !numero.All(char.IsAsciiDigit))
        {
            return numero ?? "";
        }
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => numero.Substring(i * 2, 2)));
    }
}
