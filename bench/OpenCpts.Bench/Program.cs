using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenCpts.Bench;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Import;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

// End-to-end benchmark of the RPPS import (see bench/RESULTS.md):
//   generate FILE [LINES]              writes a national-size synthetic extraction (2 000 000 lines by default)
//   import FILE [--postgres CONN]      times the import into a fresh database (SQLite temp file by default)
//   parse FILE                         times the parser alone (territory filter, no database)
//   sas WEB_DLL [--postgres CONN] [--dossier DIR]  SAS slot search and booking API under load, against the platform run as a child process
//   appariement PATIENTS [MEDECINS]   médecin traitant matching solver alone (12 000 × 200 in bench/RESULTS.md)
//   finess-generate FILE [ESTABLISHMENTS]  writes a national-size synthetic FINESS Structures flux (100 000 by default)
//   finess FILE [--postgres CONN]      times the FINESS import of the whole file (--all), then its re-import
//   prepare CONN PROVIDER              (internal) migrates a fresh database and creates the bench CPTS
var inv = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage : generate FICHIER [LIGNES] | import FICHIER [--postgres CHAINE] | parse FICHIER | sas WEB_DLL [--postgres CHAINE] [--requetes N] [--dossier DOSSIER]");
    return 2;
}
var fichier = args[1];
switch (args[0])
{
    case "generate":
        {
            var lignes = args.Length > 2 ? int.Parse(args[2], inv) : 2_000_000;
            var chrono = Stopwatch.StartNew();
            var n = GenerateurRpps.Generer(fichier, lignes, SeedDemo.CommunesDemo);
            Console.WriteLine($"{n:N0} lignes écrites dans {fichier} ({new FileInfo(fichier).Length / 1e6:N0} Mo) en {chrono.Elapsed.TotalSeconds:N1} s");
            return 0;
        }
    case "parse":
        {
            var chrono = Stopwatch.StartNew();
            await using var flux = File.OpenRead(fichier);
            var ouverture = (OuvertureRpps.Ouvert)LecteurRpps.Ouvrir(flux, SeedDemo.CommunesDemo.ToHashSet());
            using var lecteur = ouverture.Lecteur;
            long lues = 0, retenues = 0, rejetees = 0;
            while (lecteur.Lire(out var l))
            {
                lues++;
                if (l.Statut == StatutLigne.Retenue) { retenues++; }
                if (l.Statut == StatutLigne.Rejetee) { rejetees++; }
            }
            chrono.Stop();
            Console.WriteLine($"Analyse seule : {lues:N0} lignes, {retenues:N0} retenues, {rejetees:N0} rejetées en {chrono.Elapsed.TotalSeconds:N2} s = {lues / chrono.Elapsed.TotalSeconds:N0} lignes/s");
            Memoire();
            return 0;
        }
    case "import":
        return await ImporterAsync(fichier, args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault());
    case "finess-generate":
        {
            var chrono = Stopwatch.StartNew();
            var n = GenerateurFiness.Generer(fichier, args.Length > 2 ? int.Parse(args[2], inv) : 100_000, SeedDemo.CommunesDemo);
            Console.WriteLine($"{n:N0} établissements écrits dans {fichier} ({new FileInfo(fichier).Length / 1e6:N0} Mo) en {chrono.Elapsed.TotalSeconds:N1} s");
            return 0;
        }
    case "finess":
        return await ImporterAsync(fichier, args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault(), finess: true);
    case "sas":
        // sas WEB_DLL [--postgres CONN] [--requetes N] [--dossier DIR]
        return await BancSas.ExecuterAsync(fichier, args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault(),
            int.Parse(args.SkipWhile(a => a != "--requetes").Skip(1).FirstOrDefault() ?? "2000", inv),
            args.SkipWhile(a => a != "--dossier").Skip(1).FirstOrDefault());
    case "appariement":
        return BancAppariement.Executer(int.Parse(fichier, inv), args.Length > 2 ? int.Parse(args[2], inv) : 200);
    case "prepare":
        return await PreparerAsync(fichier, args[2]);
    default:
        Console.Error.WriteLine($"Commande inconnue : {args[0]}");
        return 2;
}

static async Task<int> ImporterAsync(string fichier, string? postgres, bool finess = false)
{
    var dossier = Path.Combine(Path.GetTempPath(), "opencpts-bench-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(dossier);
    var chaine = postgres ?? $"Data Source={Path.Combine(dossier, "bench.db")}";
    try
    {
        // The database is prepared (migrations, 35 000 communes, the CPTS) by a child process, so that
        // the peak memory measured here is the import's, as on a platform already running.
        var preparation = Process.Start(new ProcessStartInfo("dotnet", [typeof(GenerateurRpps).Assembly.Location, "prepare", chaine, postgres is null ? "Sqlite" : "Postgres"]))!;
        await preparation.WaitForExitAsync();
        if (preparation.ExitCode != 0)
        {
            return preparation.ExitCode;
        }
        using var host = Hote(chaine, postgres is null ? "Sqlite" : "Postgres");
        int cptsId;
        await using (var echauffement = host.Services.CreateAsyncScope())
        {
            // A running platform has its EF model built already: do it before the clock starts.
            var db = echauffement.ServiceProvider.GetRequiredService<OpenCptsDb>();
            db.Perimetre.OuvrirToutes();
            cptsId = await db.Cpts.Select(c => c.Id).SingleAsync();
        }
        GC.Collect();
        Console.WriteLine($"Base : {(postgres is null ? "SQLite" : "PostgreSQL")}, territoire : {SeedDemo.CommunesDemo.Count} communes, fichier {new FileInfo(fichier).Length / 1e6:N0} Mo, {Environment.ProcessorCount} cœurs");
        foreach (var passe in new[] { "premier import", "ré-import (idempotent)" })
        {
            await using var scope = host.Services.CreateAsyncScope();
            // As the CLI does: the import runs for the bench's CPTS.
            scope.ServiceProvider.GetRequiredService<PerimetreCpts>().Fixer(cptsId);
            var alloue = GC.GetTotalAllocatedBytes();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var chrono = Stopwatch.StartNew();
            RapportImport r;
            if (finess)
            {
                var resultat = await scope.ServiceProvider.GetRequiredService<ImportFiness>().ImporterFichierAsync(fichier, new DemandeImportFiness(fichier, ToutImporter: true));
                if (resultat is not ResultatImportFiness.Termine { Rapport: var rapportFiness })
                {
                    Console.Error.WriteLine(((ResultatImportFiness.FichierRefuse)resultat).Message);
                    return 1;
                }
                r = rapportFiness;
            }
            else
            {
                var resultat = await scope.ServiceProvider.GetRequiredService<ImportRpps>().ImporterFichierAsync(fichier, new DemandeImportRpps(fichier));
                if (resultat is not ResultatImportRpps.Termine { Rapport: var rapportRpps })
                {
                    Console.Error.WriteLine(((ResultatImportRpps.FichierRefuse)resultat).Message);
                    return 1;
                }
                r = rapportRpps;
            }
            chrono.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{passe} : {r.Lues:N0} lignes en {chrono.Elapsed.TotalSeconds:N2} s = {r.Lues / chrono.Elapsed.TotalSeconds:N0} lignes/s " +
                $"(créées {r.Creees:N0}, mises à jour {r.MisesAJour:N0}, inchangées {r.Inchangees:N0}, ignorées {r.Ignorees:N0}, rejetées {r.Rejetees:N0}) ; " +
                $"alloué {(GC.GetTotalAllocatedBytes() - alloue) / 1e6:N0} Mo ; temps CPU {cpu.TotalSeconds:N2} s");
        }
        Memoire();
        return 0;
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dossier, recursive: true);
    }
}

static async Task<int> PreparerAsync(string chaine, string fournisseur)
{
    using var host = Hote(chaine, fournisseur);
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<OpenCptsDb>();
    db.Perimetre.OuvrirToutes();
    if (db.EstPostgres)
    {
        await db.Database.EnsureDeletedAsync();
    }
    await db.Database.MigrateAsync();
    await scope.ServiceProvider.GetRequiredService<ImportCommunes>().ChargerSiVideAsync();
    var cpts = new Cpts { Nom = "CPTS du banc d'essai", CreeLeUtc = DateTime.UtcNow };
    cpts.Communes.AddRange(SeedDemo.CommunesDemo.Select(c => new CommuneTerritoire { CodeInsee = c, AjouteeLeUtc = DateTime.UtcNow }));
    db.Cpts.Add(cpts);
    await db.SaveChangesAsync();
    return 0;
}

static IHost Hote(string chaine, string fournisseur)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["OpenCpts:Database:Provider"] = fournisseur,
        ["ConnectionStrings:OpenCpts"] = chaine,
    });
    builder.Logging.ClearProviders();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddDonnees(builder.Configuration);
    builder.Services.AddTerritoire();
    builder.Services.AddImport();
    return builder.Build();
}

static void Memoire()
{
    using var processus = Process.GetCurrentProcess();
    var gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"Mémoire : pic du processus (working set) {processus.PeakWorkingSet64 / 1e6:N0} Mo, tas géré {gc.HeapSizeBytes / 1e6:N0} Mo, engagé {gc.TotalCommittedBytes / 1e6:N0} Mo");
}
