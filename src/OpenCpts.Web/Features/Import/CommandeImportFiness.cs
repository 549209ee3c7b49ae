using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary><c>-- import finess FILE [--all] [--cpts ID]</c>: imports the FINESS <i>Structures</i> flux and prints the report.</summary>
public static class CommandeImportFiness
{
    public static async Task<int> ExecuterAsync(IServiceProvider sp, string[] mots, TextWriter? sortie = null, TextWriter? erreurs = null)
    {
        sortie ??= Console.Out;
        erreurs ??= Console.Error;
        var toutImporter = mots.Contains("--all", StringComparer.OrdinalIgnoreCase);
        var cpts = Array.IndexOf(mots, "--cpts");
        var fichiers = mots.Where((m, i) => !m.StartsWith("--", StringComparison.Ordinal) && !(cpts >= 0 && i == cpts + 1)).ToList();
        if (fichiers.Count != 1)
        {
            throw new ArgumentException("Usage : import finess FICHIER [--all] [--cpts ID]");
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        var chrono = Stopwatch.StartNew();
        var resultat = await sp.GetRequiredService<ImportFiness>().ImporterFichierAsync(
            fichiers[0], new DemandeImportFiness(fichiers[0], toutImporter, "ligne de commande"));
        chrono.Stop();
        switch (resultat)
        {
            case ResultatImportFiness.FichierRefuse refus:
                await erreurs.WriteLineAsync($"Import refusé : {refus.Message}");
                return 1;
            case ResultatImportFiness.Termine termine:
                await sortie.WriteLineAsync(CommandeImportRpps.Rediger(termine.Rapport, chrono.Elapsed));
                return termine.Rapport.Statut == "Terminee" ? 0 : 1;
            default:
                return 1;
        }
    }
}
