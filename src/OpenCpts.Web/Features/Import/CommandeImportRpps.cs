using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Import;

/// <summary><c>-- import rpps FILE [--all]</c>: imports the extraction and prints the report.</summary>
public static class CommandeImportRpps
{
    public static async Task<int> ExecuterAsync(IServiceProvider sp, string[] mots)
    {
        var toutImporter = mots.Contains("--all", StringComparer.OrdinalIgnoreCase);
        var fichiers = mots.Where(m => !m.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (fichiers.Count != 1)
        {
            throw new ArgumentException("Usage : import rpps FICHIER [--all]");
        }
        var chemin = fichiers[0];
        if (!File.Exists(chemin))
        {
            Console.Error.WriteLine($"Fichier introuvable : {chemin}");
            return 1;
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        // Postcodes missing from the extraction are derived from the communes reference.
        await sp.GetRequiredService<ImportCommunes>().ChargerSiVideAsync();
        var chrono = Stopwatch.StartNew();
        var resultat = await sp.GetRequiredService<ImportRpps>().ImporterFichierAsync(
            chemin, new DemandeImportRpps(chemin, toutImporter, "ligne de commande"));
        chrono.Stop();
        switch (resultat)
        {
            case ResultatImportRpps.FichierRefuse refus:
                Console.Error.WriteLine($"Import refusé : {refus.Message}");
                return 1;
            case ResultatImportRpps.Termine termine:
                Console.WriteLine(Rediger(termine.Rapport, chrono.Elapsed));
                return termine.Rapport.Statut == "Terminee" ? 0 : 1;
            default:
                return 1;
        }
    }

    internal static string Rediger(RapportImport r, TimeSpan duree)
    {
        string N(long n) => Affichage.Nombre(n);
        var debit = duree.TotalSeconds > 0 ? r.Lues / duree.TotalSeconds : 0;
        var lignes = new List<string>
        {
            $"Import {r.Type} « {r.NomFichier} » : {LibelleStatut(r.Statut)}",
            $"  Lignes lues    : {N(r.Lues)}",
            $"  Créées         : {N(r.Creees)}",
            $"  Mises à jour   : {N(r.MisesAJour)}",
            $"  Inchangées     : {N(r.Inchangees)}",
            $"  Ignorées       : {N(r.Ignorees)} ({(r.Type == ImportRpps.Type ? "hors territoire ou identifiant ADELI" : "hors territoire")})",
            $"  Rejetées       : {N(r.Rejetees)}",
        };
        if (!string.IsNullOrEmpty(r.Message))
        {
            lignes.Add("  " + r.Message);
        }
        foreach (var rejet in r.Rejets.OrderBy(j => j.Ligne))
        {
            lignes.Add($"  Ligne {rejet.Ligne.ToString(PlateformeWeb.Francais)} : {rejet.Raison}");
        }
        if (r.Rejetees > r.Rejets.Count)
        {
            lignes.Add($"  … et {N(r.Rejetees - r.Rejets.Count)} autre(s) ligne(s) rejetée(s).");
        }
        lignes.Add($"Durée : {Affichage.Nombre(duree.TotalSeconds, 1)} s ({N((long)debit)} lignes/s).");
        return string.Join(Environment.NewLine, lignes);
    }

    public static string LibelleStatut(string statut) => statut switch
    {
        "EnCours" => "en cours",
        "Terminee" => "terminé",
        "Refusee" => "refusé",
        "Echouee" => "interrompu",
        _ => statut,
    };
}
