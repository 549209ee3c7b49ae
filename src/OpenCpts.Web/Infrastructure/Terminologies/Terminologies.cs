using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace OpenCpts.Web.Infrastructure.Terminologies;

/// <summary>A code of an ANS NOS table (TRE_…) with its French label.</summary>
public sealed record CodeNos(string Code, string Libelle);

/// <summary>
/// ANS NOS code tables the platform needs (professions, specialties, establishment categories,
/// practice modes), read once from the CSV snapshots embedded in the assembly.
/// </summary>
public sealed class Terminologies
{
    public const string SystemeProfession = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";
    public const string SystemeSpecialite = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
    public const string SystemeCategorieEtablissement = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement";

    public static Terminologies Instance { get; } = new();

    public Table Professions { get; } = Charger("TRE-G15-ProfessionSante.csv");
    public Table Specialites { get; } = Charger("TRE-R38-SpecialiteOrdinale.csv");
    public Table CategoriesEtablissement { get; } = Charger("TRE-R66-CategorieEtablissement.csv");
    public Table ModesExercice { get; } = Charger("TRE-R23-ModeExercice.csv");

    private static Table Charger(string fichier)
    {
        using var flux = Assembly.GetExecutingAssembly().GetManifestResourceStream("terminologies/" + fichier)
            ?? throw new InvalidOperationException($"Terminologie absente de l'assemblage : {fichier}");
        using var lecteur = new StreamReader(flux, Encoding.UTF8);
        lecteur.ReadLine();
        var codes = new List<CodeNos>();
        while (lecteur.ReadLine() is { } ligne)
        {
            var i = ligne.IndexOf(';', StringComparison.Ordinal);
            if (i > 0)
            {
                codes.Add(new CodeNos(ligne[..i], ligne[(i + 1)..]));
            }
        }
        return new Table(codes);
    }

    /// <summary>One code table: lookup by code, and the list in label order for selects.</summary>
    public sealed class Table(IReadOnlyList<CodeNos> codes)
    {
        private readonly FrozenDictionary<string, CodeNos> _parCode = codes.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<CodeNos> Tous { get; } = [.. codes.OrderBy(c => c.Libelle, StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true))];

        public bool Existe(string? code) => code is not null && _parCode.ContainsKey(code);

        /// <summary>The label of a code, or the code itself when the table does not know it.</summary>
        public string Libelle(string? code) =>
            code is null ? "" : _parCode.TryGetValue(code, out var c) ? c.Libelle : code;
    }
}
