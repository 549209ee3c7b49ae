using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenCpts.Web.Infrastructure.Exports;

/// <summary>
/// Exports of tables for spreadsheets: CSV the way Excel opens it in France (UTF-8 with BOM, ';',
/// RFC 4180 quoting, formula injection neutralised) and XLSX (Open XML SDK).
/// </summary>
public static class Tableur
{
    public const char Separateur = ';';

    /// <summary>One escaped CSV cell.</summary>
    public static string CelluleCsv(string? valeur)
    {
        if (string.IsNullOrEmpty(valeur))
        {
            return "";
        }
        // OWASP CSV injection: a leading = + - @ (or tab / CR) makes a spreadsheet evaluate the cell.
        if (valeur[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            valeur = "'" + valeur;
        }
        if (valeur.AsSpan().IndexOfAny(";\"\r\n") >= 0)
        {
            return "\"" + valeur.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }
        return valeur;
    }

    public static string LigneCsv(IEnumerable<string?> cellules) =>
        string.Join(Separateur, cellules.Select(CelluleCsv)) + "\r\n";

    /// <summary>Writes a whole table as CSV (small tables: built in memory).</summary>
    public static async Task EcrireCsvAsync(Stream flux, IReadOnlyList<string> entetes, IEnumerable<IReadOnlyList<object?>> lignes, CancellationToken ct = default)
    {
        await using var ecrivain = new StreamWriter(flux, new System.Text.UTF8Encoding(true), 16 * 1024, leaveOpen: true);
        await ecrivain.WriteAsync(LigneCsv(entetes));
        foreach (var ligne in lignes)
        {
            await ecrivain.WriteAsync(LigneCsv(ligne.Select(TexteCsv)));
        }
        await ecrivain.FlushAsync(ct);
    }

    /// <summary>Writes a one-sheet workbook; numbers stay numbers, so that totals can be computed in the sheet.</summary>
    public static void EcrireXlsx(Stream flux, string nomFeuille, IReadOnlyList<string> entetes, IEnumerable<IReadOnlyList<object?>> lignes)
    {
        using var document = SpreadsheetDocument.Create(flux, SpreadsheetDocumentType.Workbook);
        var classeur = document.AddWorkbookPart();
        classeur.Workbook = new Workbook();
        var partieFeuille = classeur.AddNewPart<WorksheetPart>();
        var donnees = new SheetData();
        donnees.Append(Ligne(entetes.Cast<object?>()));
        foreach (var ligne in lignes)
        {
            donnees.Append(Ligne(ligne));
        }
        partieFeuille.Worksheet = new Worksheet(donnees);
        var feuilles = classeur.Workbook.AppendChild(new Sheets());
        feuilles.Append(new Sheet { Id = classeur.GetIdOfPart(partieFeuille), SheetId = 1, Name = nomFeuille });
        classeur.Workbook.Save();
    }

    private static Row Ligne(IEnumerable<object?> valeurs)
    {
        var ligne = new Row();
        foreach (var v in valeurs)
        {
            ligne.Append(v switch
            {
                null => new Cell(),
                int or long or double or decimal => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")) },
            });
        }
        return ligne;
    }

    private static string TexteCsv(object? valeur) => valeur switch
    {
        null => "",
        double d => d.ToString("0.##", Web.PlateformeWeb.Francais),
        IFormattable f => f.ToString(null, Web.PlateformeWeb.Francais),
        _ => valeur.ToString() ?? "",
    };
}
