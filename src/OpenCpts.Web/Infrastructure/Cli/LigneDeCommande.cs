using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Import;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Cli;

/// <summary>
/// The verbs of the executable: <c>migrate</c>, <c>seed demo</c>, <c>cpts create|list</c>, <c>import rpps FILE [--all]</c>,
/// <c>import communes FILE</c>, <c>token create --user EMAIL --name NAME</c>. Arguments of the form
/// <c>--Key=Value</c> stay configuration (e.g. <c>--ConnectionStrings:OpenCpts=…</c>).
/// </summary>
public sealed class LigneDeCommande
{
    private static readonly string[] Verbes = ["migrate", "seed", "import", "token", "user", "cpts", "help"];

    public required string[] Mots { get; init; }
    public required string[] ArgumentsDeConfiguration { get; init; }

    public static LigneDeCommande? Analyser(string[] args)
    {
        if (args.Length == 0 || !Verbes.Contains(args[0], StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }
        return new LigneDeCommande
        {
            Mots = [.. args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)))],
            ArgumentsDeConfiguration = [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))],
        };
    }

    public async Task<int> ExecuterAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var verbe = string.Join(' ', Mots.Take(2)).ToLowerInvariant();
        // System work by default (migrations, reference data, the demo); commands done for one CPTS bind to it below.
        sp.GetRequiredService<PerimetreCpts>().OuvrirToutes();
        try
        {
            switch (verbe)
            {
                case "cpts create" or "cpts list":
                    return await CommandeCpts.ExecuterAsync(sp, Mots[1..]);
                case "migrate":
                    await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
                    var communes = await sp.GetRequiredService<ImportCommunes>().ChargerSiVideAsync();
                    Console.WriteLine("Base de données à jour." + (communes is ResultatImportCommunes.Importees i ? $" Référentiel des communes chargé ({i.Creees} communes)." : ""));
                    return 0;
                case "seed demo":
                    return await CommandeDemo.ChargerAsync(sp);
                case "import communes":
                    return await ImporterCommunesAsync(sp);
                case "import rpps":
                    await CommandeCpts.LierAsync(sp, Mots[2..], facultative: true);
                    return await CommandeImportRpps.ExecuterAsync(sp, Mots[2..]);
                case "import finess":
                    await CommandeCpts.LierAsync(sp, Mots[2..], facultative: true);
                    return await CommandeImportFiness.ExecuterAsync(sp, Mots[2..]);
                case "token create":
                    return await CommandeJeton.CreerAsync(sp, Mots[2..]);
                case "user create":
                    return await CommandeCompte.CreerAsync(sp, Mots[2..]);
                case "user invite":
                    return await CommandeCompte.InviterAsync(sp, Mots[2..]);
                default:
                    Console.Error.WriteLine(Aide);
                    return verbe == "help" ? 0 : 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Aide);
            return 2;
        }
    }

    private async Task<int> ImporterCommunesAsync(IServiceProvider sp)
    {
        if (Mots.Length < 3)
        {
            throw new ArgumentException("Fichier manquant : import communes FICHIER");
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        switch (await sp.GetRequiredService<ImportCommunes>().ImporterFichierAsync(Mots[2]))
        {
            case ResultatImportCommunes.Importees i:
                Console.WriteLine($"Communes : {i.Creees} créées, {i.MisesAJour} mises à jour.");
                return 0;
            case ResultatImportCommunes.FichierRefuse r:
                Console.Error.WriteLine($"Fichier refusé : {r.Message}");
                return 1;
            default:
                return 1;
        }
    }

    public const string Aide = """
        Usage : dotnet run --project src/OpenCpts.Web -- VERBE
          migrate                                 applique les migrations et charge le référentiel des communes
          seed demo                               charge la CPTS de démonstration (données fictives)
          cpts create --name NOM [--host HOTE]    crée une CPTS (hôte : nom de ses pages publiques, facultatif)
          cpts list                               liste les CPTS de la plateforme (numéro, nom, hôte)
          import rpps FICHIER [--all] [--cpts ID] importe l'extraction RPPS PS_LibreAcces_Personne_activite
          import finess FICHIER [--all] [--cpts ID] importe le flux FINESS « Structures » (JSON) : établissements du territoire
          import communes FICHIER                 recharge le référentiel des communes (CSV code_insee;nom;…)
          token create --user EMAIL --name NOM    crée un jeton d'API personnel (affiché une seule fois)
          user create --email EMAIL --role ROLE [--name NOM] [--rpps RPPS] [--cpts ID]
          user invite EMAIL --role ROLE [--name NOM] [--rpps RPPS | --finess FINESS] [--cpts ID]
                                                  crée un compte rattaché à la CPTS (mot de passe initial affiché
                                                  une seule fois) ; --cpts est obligatoire s'il y a plusieurs CPTS
        """;
}
