using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Bench;

/// <summary>
/// The SAS slot search and the booking API under load, through HTTP against the real platform run as a
/// child process: a large region (2 000 professionals, 8 weeks of slots, about 480 000 slots) is written
/// straight into a fresh database, then 25-RPPS searches over 72 h run at concurrency 1 and 8, then
/// bookings at concurrency 8, some of them racing for the same slot.
/// </summary>
public static class BancSas
{
    private const int Professionnels = 2000;
    private const int Semaines = 8;

    /// <param name="dossierConserve">When given, the prepared database (SQLite file, RPPS list and token) is kept
    /// there and reused by the next run with the same folder: profiling runs skip the 30 s preparation.</param>
    public static async Task<int> ExecuterAsync(string webDll, string? postgres, int requetes, string? dossierConserve = null)
    {
        var dossier = dossierConserve ?? Path.Combine(Path.GetTempPath(), "opencpts-bench-sas-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dossier);
        var fournisseur = postgres is null ? "Sqlite" : "Postgres";
        var chaine = postgres ?? $"Data Source={Path.Combine(dossier, "sas.db")}";
        var fichierPrepare = Path.Combine(dossier, "prepare-" + fournisseur + ".txt");
        try
        {
            List<string> rpps;
            string jeton, jetonRegulation;
            if (dossierConserve is not null && File.Exists(fichierPrepare))
            {
                var lignes = await File.ReadAllLinesAsync(fichierPrepare);
                (jeton, jetonRegulation, rpps) = (lignes[0], lignes[1], [.. lignes.Skip(2)]);
                Console.WriteLine($"Base reprise de {dossier}");
            }
            else
            {
                (rpps, jeton, jetonRegulation) = await PreparerAsync(chaine, fournisseur);
                if (dossierConserve is not null)
                {
                    await File.WriteAllLinesAsync(fichierPrepare, [jeton, jetonRegulation, .. rpps]);
                }
            }
            var port = PortLibre();
            using var serveur = Demarrer(webDll, chaine, fournisseur, port, dossier);
            using var arret = new ArretProcessus(serveur);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
            // Bookings are the regulation's (the SAS machine account reads /fhir only).
            using var regulation = new HttpClient { BaseAddress = http.BaseAddress };
            regulation.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jetonRegulation);
            await AttendreAsync(http, serveur);

            Console.WriteLine($"Base : {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cœurs");
            var aleatoire = new Random(42);
            string Requete()
            {
                var lot = Enumerable.Range(0, 25).Select(_ => rpps[aleatoire.Next(rpps.Count)]).Distinct();
                var debut = DateTimeOffset.Now;
                static string Date(DateTimeOffset d) => Uri.EscapeDataString(d.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                return "/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference" +
                    "&_include:iterate=HealthcareService:organization" +
                    $"&start=ge{Date(debut)}&start=le{Date(debut.AddHours(72))}" +
                    "&schedule.actor:Practitioner.identifier=" + string.Join(',', lot.Select(r => Uri.EscapeDataString("urn:oid:1.2.250.1.71.4.2.1|8" + r))) +
                    "&status=free";
            }
            // Warm-up: JIT, EF model, query plans.
            for (var i = 0; i < 50; i++)
            {
                (await http.GetAsync(Requete())).EnsureSuccessStatusCode();
            }
            foreach (var concurrence in new[] { 1, 8 })
            {
                var urls = Enumerable.Range(0, requetes).Select(_ => Requete()).ToList();
                long octets = 0;
                var cpu = CpuServeur(serveur);
                var (latences, duree) = await ChargerAsync(urls, concurrence, async url =>
                {
                    using var reponse = await http.GetAsync(url);
                    reponse.EnsureSuccessStatusCode();
                    Interlocked.Add(ref octets, (await reponse.Content.ReadAsByteArrayAsync()).Length);
                });
                Rapporter($"recherche SAS 25 RPPS / 72 h, concurrence {concurrence}", latences, duree, CpuServeur(serveur) - cpu);
                Console.WriteLine($"  réponse moyenne {octets / latences.Count / 1024.0:N0} Kio");
            }

            await ReserverAsync(regulation, chaine, fournisseur, serveur);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (dossierConserve is null)
            {
                Directory.Delete(dossier, recursive: true);
            }
        }
    }

    /// <summary>Bookings at concurrency 8: 2 000 distinct free slots, then 50 slots each raced by 8 requests.</summary>
    private static async Task ReserverAsync(HttpClient http, string chaine, string fournisseur, Process serveur)
    {
        List<long> libres;
        await using (var db = Contexte(chaine, fournisseur))
        {
            db.Perimetre.OuvrirToutes();
            var maintenant = DateTime.UtcNow;
            libres = await db.CreneauxSnp.Where(c => c.Statut == StatutsCreneau.Libre && c.DebutUtc > maintenant.AddHours(1))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(2050).ToListAsync();
        }
        object Corps(long id) => new
        {
            slotId = id.ToString(CultureInfo.InvariantCulture),
            patient = new { nom = "BANC", prenom = "Essai", dateNaissance = "1970-01-01", telephone = "0261910000", communeInsee = "18033" },
            motif = "Banc d'essai",
        };
        var crees = 0;
        var conflits = 0;
        var cpu = CpuServeur(serveur);
        var (latences, duree) = await ChargerAsync(libres.Take(2000).ToList(), 8, async id =>
        {
            using var reponse = await http.PostAsJsonAsync("/api/snp/reservations", Corps(id));
            if (reponse.StatusCode == HttpStatusCode.Created) { Interlocked.Increment(ref crees); }
            else { throw new InvalidOperationException($"{(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}"); }
        });
        Rapporter($"réservations (créneaux distincts), concurrence 8 — {crees} créées", latences, duree, CpuServeur(serveur) - cpu);

        var courses = libres.Skip(2000).SelectMany(id => Enumerable.Repeat(id, 8)).ToList();
        crees = 0;
        cpu = CpuServeur(serveur);
        (latences, duree) = await ChargerAsync(courses, 8, async id =>
        {
            using var reponse = await http.PostAsJsonAsync("/api/snp/reservations", Corps(id));
            if (reponse.StatusCode == HttpStatusCode.Created) { Interlocked.Increment(ref crees); }
            else if (reponse.StatusCode == HttpStatusCode.Conflict) { Interlocked.Increment(ref conflits); }
            else { throw new InvalidOperationException($"{(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}"); }
        });
        Rapporter($"réservations en course (8 demandes par créneau, {courses.Count / 8} créneaux) — {crees} créées, {conflits} refusées (409)", latences, duree, CpuServeur(serveur) - cpu);

        await using var verif = Contexte(chaine, fournisseur);
        verif.Perimetre.OuvrirToutes();
        var doubles = await verif.ReservationsSnp.Where(r => r.Active).GroupBy(r => r.CreneauSnpId).CountAsync(g => g.Count() > 1);
        var actives = await verif.ReservationsSnp.CountAsync(r => r.Active);
        Console.WriteLine($"contrôle : {actives} réservations actives, {doubles} créneau(x) réservé(s) deux fois");
        if (doubles > 0 || crees != courses.Count / 8)
        {
            throw new InvalidOperationException("Double réservation détectée.");
        }
    }

    private static async Task<(List<double> LatencesMs, TimeSpan Duree)> ChargerAsync<T>(List<T> travaux, int concurrence, Func<T, Task> action)
    {
        var file = new ConcurrentQueue<T>(travaux);
        var latences = new ConcurrentBag<double>();
        var chrono = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrence).Select(async _ =>
        {
            while (file.TryDequeue(out var travail))
            {
                var debut = Stopwatch.GetTimestamp();
                await action(travail);
                latences.Add(Stopwatch.GetElapsedTime(debut).TotalMilliseconds);
            }
        }));
        return ([.. latences.Order()], chrono.Elapsed);
    }

    /// <summary>CPU time used so far by the platform process: per-request server cost, whatever else loads the machine.</summary>
    private static TimeSpan CpuServeur(Process serveur)
    {
        serveur.Refresh();
        return serveur.TotalProcessorTime;
    }

    private static void Rapporter(string titre, List<double> latences, TimeSpan duree, TimeSpan cpuServeur)
    {
        double Centile(double p) => latences[Math.Min(latences.Count - 1, (int)Math.Ceiling(p * latences.Count) - 1)];
        Console.WriteLine($"{titre} : {latences.Count} requêtes en {duree.TotalSeconds:N2} s = {latences.Count / duree.TotalSeconds:N0} req/s ; " +
            $"médiane {Centile(0.5):N1} ms, p99 {Centile(0.99):N1} ms, max {latences[^1]:N1} ms ; CPU serveur {cpuServeur.TotalMilliseconds / latences.Count:N2} ms/requête");
    }

    /// <summary>Writes the region: a CPTS, its professionals (all members, each with a site) and 8 weeks of slots.</summary>
    private static async Task<(List<string> Rpps, string JetonSas, string JetonRegulation)> PreparerAsync(string chaine, string fournisseur)
    {
        var chrono = Stopwatch.StartNew();
        await using var db = Contexte(chaine, fournisseur);
        // Set-up of the region, as the CLI would: every CPTS open, each record naming its CPTS.
        db.Perimetre.OuvrirToutes();
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await new ImportCommunes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ImportCommunes>.Instance).ChargerSiVideAsync();
        var communes = await db.Communes.Where(c => c.Departement == "18").OrderByDescending(c => c.Population).Take(60).ToListAsync();
        var maintenant = DateTime.UtcNow;
        var cpts = new Cpts { Nom = "CPTS du banc SAS", CreeLeUtc = maintenant };
        cpts.Communes.AddRange(communes.Select(c => new CommuneTerritoire { CodeInsee = c.CodeInsee, AjouteeLeUtc = maintenant }));
        db.Cpts.Add(cpts);
        await db.SaveChangesAsync();

        var aleatoire = new Random(7);
        var professionnels = new List<Professionnel>(Professionnels);
        for (var i = 0; i < Professionnels; i++)
        {
            var rpps = "10" + (500_000 + i).ToString("D8", CultureInfo.InvariantCulture);
            rpps += OpenCpts.Web.Infrastructure.CleLuhn.Calculer(rpps);
            var commune = communes[aleatoire.Next(communes.Count)];
            var nom = "BANC" + i.ToString(CultureInfo.InvariantCulture);
            professionnels.Add(new Professionnel
            {
                Rpps = rpps,
                IdentifiantNational = "8" + rpps,
                CiviliteExercice = "DR",
                Civilite = "M",
                Nom = nom,
                Prenom = "Essai",
                NomRecherche = TexteRecherche.Normaliser(nom + " essai"),
                CodeProfession = "10",
                CodeSpecialite = "SM54",
                Source = "Saisie",
                CreeLeUtc = maintenant,
                MisAJourLeUtc = maintenant,
                Activites = [new ActiviteProfessionnelle { IdentifiantSite = "C" + rpps + "00", ModeExercice = "L", Voie = "1 RUE DU BANC", CodePostal = commune.CodePostalPrincipal, CodeCommune = commune.CodeInsee, LibelleCommune = commune.Nom }],
                Adhesions = [new Adhesion { CptsId = cpts.Id, DepuisLe = new DateOnly(2026, 1, 1) }],
            });
        }
        db.Professionnels.AddRange(professionnels);
        await db.SaveChangesAsync();

        // 8 weeks from today: every weekday, six 20-minute slots from a professional's own start hour.
        var lignes = new List<(int Pro, int? Site, DateTime Debut, string Type, string Visibilite)>();
        var lundi = DateTime.UtcNow.Date;
        foreach (var p in professionnels)
        {
            var heure = 8 + aleatoire.Next(10);
            var type = aleatoire.Next(10) switch { < 7 => TypesConsultation.Cabinet, < 9 => TypesConsultation.Domicile, _ => TypesConsultation.Teleconsultation };
            var visibilite = aleatoire.Next(4) == 0 ? Visibilites.Cpts : Visibilites.Snp;
            for (var jour = 0; jour < Semaines * 7; jour++)
            {
                var date = lundi.AddDays(jour);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }
                for (var k = 0; k < 6; k++)
                {
                    lignes.Add((p.Id, p.Activites[0].Id, date.AddHours(heure - 1).AddMinutes(20 * k), type, visibilite));
                }
            }
        }
        await InsererCreneauxAsync(db, cpts.Id, lignes);
        var jeton = await CreerJetonAsync(db, cpts.Id, "PlateformeSas", "sas");
        var jetonRegulation = await CreerJetonAsync(db, cpts.Id, "Regulation", "regulation");
        Console.WriteLine($"Préparation : {professionnels.Count:N0} professionnels, {lignes.Count:N0} créneaux en {chrono.Elapsed.TotalSeconds:N1} s");
        return (professionnels.Select(p => p.Rpps).ToList(), jeton, jetonRegulation);
    }

    private static async Task InsererCreneauxAsync(OpenCptsDb db, int cptsId, List<(int Pro, int? Site, DateTime Debut, string Type, string Visibilite)> lignes)
    {
        var maintenant = DateTime.UtcNow;
        var connexion = db.Database.GetDbConnection();
        await connexion.OpenAsync();
        if (connexion is NpgsqlConnection pg)
        {
            await using var copie = await pg.BeginBinaryImportAsync(
                "COPY \"CreneauxSnp\" (\"CptsId\", \"ProfessionnelId\", \"ActiviteId\", \"DebutUtc\", \"FinUtc\", \"TypeConsultation\", \"Visibilite\", \"AvecRendezVous\", \"Statut\", \"CreeLeUtc\", \"MisAJourLeUtc\") FROM STDIN (FORMAT BINARY)");
            foreach (var l in lignes)
            {
                await copie.StartRowAsync();
                await copie.WriteAsync(cptsId);
                await copie.WriteAsync(l.Pro);
                await copie.WriteAsync(l.Site);
                await copie.WriteAsync(l.Debut, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copie.WriteAsync(l.Debut.AddMinutes(20), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copie.WriteAsync(l.Type);
                await copie.WriteAsync(l.Visibilite);
                await copie.WriteAsync(true);
                await copie.WriteAsync(StatutsCreneau.Libre);
                await copie.WriteAsync(maintenant, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copie.WriteAsync(maintenant, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }
            await copie.CompleteAsync();
            return;
        }
        await using var transaction = await connexion.BeginTransactionAsync();
        await using var commande = connexion.CreateCommand();
        commande.Transaction = transaction;
        commande.CommandText = "INSERT INTO \"CreneauxSnp\" (\"CptsId\", \"ProfessionnelId\", \"ActiviteId\", \"DebutUtc\", \"FinUtc\", \"TypeConsultation\", \"Visibilite\", \"AvecRendezVous\", \"Statut\", \"CreeLeUtc\", \"MisAJourLeUtc\") VALUES ($cpts, $p, $s, $d, $f, $t, $v, 1, 'Libre', $c, $c)";
        var p = Parametre("$p"); var s = Parametre("$s"); var d = Parametre("$d"); var f = Parametre("$f"); var t = Parametre("$t"); var v = Parametre("$v"); var c = Parametre("$c");
        c.Value = maintenant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Parametre("$cpts").Value = cptsId;
        foreach (var l in lignes)
        {
            p.Value = l.Pro;
            s.Value = (object?)l.Site ?? DBNull.Value;
            // The text form EF Core's SQLite provider writes for DateTime, so that comparisons stay lexical.
            d.Value = l.Debut.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            f.Value = l.Debut.AddMinutes(20).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            t.Value = l.Type;
            v.Value = l.Visibilite;
            await commande.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();

        System.Data.Common.DbParameter Parametre(string nom)
        {
            var parametre = commande.CreateParameter();
            parametre.ParameterName = nom;
            commande.Parameters.Add(parametre);
            return parametre;
        }
    }

    /// <summary>A Régulation account and its API token, as `-- user create` and `-- token create` would make.</summary>
    private static async Task<string> CreerJetonAsync(OpenCptsDb db, int cptsId, string nomRole, string compte)
    {
        var valeur = "ocpts_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var role = new Microsoft.AspNetCore.Identity.IdentityRole(nomRole) { NormalizedName = nomRole.ToUpperInvariant() };
        var email = compte + "@bench.invalid";
        var utilisateur = new OpenCpts.Web.Features.Comptes.Utilisateur
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
            NomAffiche = "Banc " + compte,
            // An enrolled account, as the regulation's must be in production (2FA required for roles that see patients).
            TwoFactorEnabled = true,
        };
        db.Roles.Add(role);
        db.Users.Add(utilisateur);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { RoleId = role.Id, UserId = utilisateur.Id });
        db.JetonsApi.Add(new OpenCpts.Web.Features.Comptes.JetonApi
        {
            UtilisateurId = utilisateur.Id,
            Nom = "banc",
            Prefixe = valeur[..12],
            CreeLeUtc = DateTime.UtcNow,
            ExpireLeUtc = DateTime.UtcNow.AddDays(1),
            TamponSecurite = utilisateur.SecurityStamp!,
            Empreinte = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(valeur))),
        });
        db.Set<OpenCpts.Web.Features.Comptes.Rattachement.RattachementCpts>().Add(new() { UtilisateurId = utilisateur.Id, CptsId = cptsId, RattacheLeUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return valeur;
    }

    private static Process Demarrer(string webDll, string chaine, string fournisseur, int port, string dossier)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.GetFullPath(webDll), "--urls", $"http://127.0.0.1:{port}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(webDll))!,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["OpenCpts__Database__Provider"] = fournisseur;
        psi.Environment["ConnectionStrings__OpenCpts"] = chaine;
        psi.Environment["OpenCpts__Database__MigrerAuDemarrage"] = "false";
        psi.Environment["OpenCpts__Taches__MaterialisationCreneaux__Active"] = "false";
        psi.Environment["OpenCpts__DataProtection__Keys"] = Path.Combine(dossier, "cles");
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var processus = Process.Start(psi)!;
        processus.OutputDataReceived += (_, _) => { };
        processus.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        processus.BeginOutputReadLine();
        processus.BeginErrorReadLine();
        return processus;
    }

    private static async Task AttendreAsync(HttpClient http, Process serveur)
    {
        for (var i = 0; i < 120; i++)
        {
            if (serveur.HasExited)
            {
                throw new InvalidOperationException($"La plateforme s'est arrêtée (code {serveur.ExitCode}).");
            }
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("La plateforme n'a pas démarré.");
    }

    private static OpenCptsDb Contexte(string chaine, string fournisseur) => fournisseur == "Postgres"
        ? new PostgresOpenCptsDb(new DbContextOptionsBuilder<PostgresOpenCptsDb>().UseNpgsql(chaine).Options)
        : new SqliteOpenCptsDb(new DbContextOptionsBuilder<SqliteOpenCptsDb>().UseSqlite(chaine).Options);

    private static int PortLibre()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Stops the platform child process when the run ends, whatever happened.</summary>
    private sealed class ArretProcessus(Process processus) : IDisposable
    {
        public void Dispose()
        {
            if (!processus.HasExited)
            {
                processus.Kill(entireProcessTree: true);
                processus.WaitForExit();
            }
        }
    }
}
