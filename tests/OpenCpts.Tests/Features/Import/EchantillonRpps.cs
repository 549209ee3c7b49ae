using System.Text;

namespace OpenCpts.Tests.Features.Import;

/// <summary>The synthetic Cher sample of the RPPS extraction (a copy of shared/reference/rpps) and variants of it.</summary>
internal static class EchantillonRpps
{
    public static readonly string Chemin = Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Fixtures", "sample-cher.txt");

    /// <summary>The seven communes of the sample.</summary>
    public static readonly string[] Communes = ["18033", "18279", "18197", "18242", "18141", "18205", "18015"];

    public static string[] Lignes() => File.ReadAllText(Chemin, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Writes lines to a new temporary file (LF) and returns its path.</summary>
    public static string Ecrire(IEnumerable<string> lignes, string finDeLigne = "\n", bool bom = false)
    {
        var chemin = Path.Combine(Path.GetTempPath(), $"rpps-test-{Guid.NewGuid():N}.txt");
        File.WriteAllText(chemin, string.Join(finDeLigne, lignes) + finDeLigne, new UTF8Encoding(bom));
        return chemin;
    }

    /// <summary>A line of the sample with one field (1-based column number of FORMAT.md) replaced.</summary>
    public static string Remplacer(string ligne, int colonne, string valeur)
    {
        var champs = ligne.Split('|');
        champs[colonne - 1] = valeur;
        return string.Join('|', champs);
    }

    public static Stream Flux(IEnumerable<string> lignes, string finDeLigne = "\n", bool bom = false)
    {
        var texte = string.Join(finDeLigne, lignes) + finDeLigne;
        return new MemoryStream([.. new UTF8Encoding(bom).GetPreamble(), .. Encoding.UTF8.GetBytes(texte)]);
    }
}
