using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>Names of the départements (embedded reference), to tell apart communes sharing a name.</summary>
public static class Departements
{
    private static readonly FrozenDictionary<string, string> Noms = Charger();

    /// <summary>"18" → "Cher"; the code itself when unknown.</summary>
    public static string Nom(string code) => Noms.TryGetValue(code, out var nom) ? nom : code;

    private static FrozenDictionary<string, string> Charger()
    {
        using var flux = Assembly.GetExecutingAssembly().GetManifestResourceStream("departements.csv")
            ?? throw new InvalidOperationException("Référentiel des départements absent de l'assemblage.");
        using var lecteur = new StreamReader(flux, Encoding.UTF8);
        lecteur.ReadLine();
        var noms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (lecteur.ReadLine() is { } ligne)
        {
            var champs = ligne.Split(';');
            if (champs.Length >= 2)
            {
                noms[champs[0]] = champs[1];
            }
        }
        return noms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
