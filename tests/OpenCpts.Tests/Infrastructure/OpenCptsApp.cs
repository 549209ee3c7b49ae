using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// The platform under test: the real HTTP pipeline (WebApplicationFactory) on a fresh, migrated
/// database of the chosen provider, with the communes reference loaded and the roles created.
/// Exposes clients and intent methods; the factory itself stays private.
/// </summary>
public sealed partial class OpenCptsApp : IAsyncDisposable
{
    public const string MotDePasse = "Test-Password-2026!";

    private readonly Usine _usine;
    private readonly ContexteTest? _contexte;
    private readonly string _chaine;
    private readonly string? _fichierSqlite;
    // Unique in the run: on a shared host, per-account limits and caches must not mix two tests' accounts.
    private static int _comptes;

    /// <summary>The clock of the platform (injected as TimeProvider). Starts on 2026-11-23 09:00 UTC.</summary>
    public FakeTimeProvider Horloge { get; }

    public Fournisseur Fournisseur { get; }

    public IServiceProvider Services => _usine.Services;

    /// <summary>The address the platform listens on (a real loopback port when started with Kestrel).</summary>
    public Uri AdresseBase => _usine.ClientOptions.BaseAddress;

    private OpenCptsApp(Usine usine, ContexteTest? contexte, Fournisseur fournisseur, FakeTimeProvider horloge, string chaine, string? fichierSqlite)
    {
        _usine = usine;
        _contexte = contexte;
        Fournisseur = fournisseur;
        Horloge = horloge;
        _chaine = chaine;
        _fichierSqlite = fichierSqlite;
    }

    /// <summary>The instant every test platform starts at (and the demo template is seeded at).</summary>
    public static readonly DateTimeOffset Depart = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Starts the platform on a new empty database. Skips the test when PostgreSQL is absent locally
    /// (./test.sh sets OPENCPTS_EXIGER_POSTGRES=1 so that CI fails instead).</summary>
    /// <param name="certificatHttps">With <paramref name="kestrel"/>: listen in HTTPS with this server certificate.</param>
    /// <param name="parametres">Settings applied over the harness's own (a null value removes a setting).</param>
    /// <param name="environnement">The host environment ("Testing" by default).</param>
    /// <param name="demo">Start on a copy of the demo CPTS (seeded once per run and provider, at <see cref="Depart"/>).</param>
    /// <param name="hotePropre">A host of its own even without services or Kestrel: for tests of what happens at start-up.</param>
    /// <param name="depart">Where the test's clock (<see cref="Horloge"/>) starts; <see cref="Depart"/> by default.</param>
    /// <remarks>Without <paramref name="services"/>, <paramref name="kestrel"/> or <paramref name="hotePropre"/>, the test runs
    /// on a host shared with the tests of the same provider, settings and environment (see tests/README.md).</remarks>
    public static async Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, Action<IServiceCollection>? services = null, bool kestrel = false,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificatHttps = null,
        IReadOnlyDictionary<string, string?>? parametres = null, string environnement = "Testing", bool demo = false, bool hotePropre = false,
        DateTimeOffset? depart = null)
    {
        var modele = demo ? Modele.Demo : Modele.Vide;
        string chaine;
        string? fichier = null;
        if (fournisseur == Fournisseur.Postgres)
        {
            var pg = PostgresJetable.Instance;
            if (!pg.Disponible)
            {
                if (Environment.GetEnvironmentVariable("OPENCPTS_EXIGER_POSTGRES") == "1")
                {
                    throw new InvalidOperationException(pg.RaisonIndisponible);
                }
                Assert.Skip(pg.RaisonIndisponible);
            }
            chaine = await pg.CreerBaseAsync(await ModelePostgresAsync(pg, modele));
        }
        else
        {
            fichier = Path.Combine(Path.GetTempPath(), $"opencpts-test-{Guid.NewGuid():N}.db");
            File.Copy(await ModeleSqliteAsync(modele), fichier);
            chaine = $"Data Source={fichier};Pooling=False";
        }
        var horloge = new FakeTimeProvider(depart ?? Depart);
        horloge.AutoAdvanceAmount = TimeSpan.Zero;
        if (services is null && !kestrel && !hotePropre)
        {
            // A host shared with the tests of the same configuration; this test's own database, clock and cache.
            var partage = await HotePartageAsync(fournisseur, parametres, environnement);
            return new OpenCptsApp(partage, new ContexteTest(chaine, horloge), fournisseur, horloge, chaine, fichier);
        }
        var usine = new Usine(fournisseur, chaine, horloge, services, SurCopie(parametres), environnement);
        if (kestrel)
        {
            // A real socket on a free loopback port, for the browser of the end-to-end tests.
            if (certificatHttps is null)
            {
                usine.UseKestrel(0);
            }
            else
            {
                usine.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificatHttps)));
            }
            usine.StartServer();
        }
        else
        {
            // Cookies are Secure outside Development: the in-memory server is addressed in HTTPS so that the test
            // client sends them back, as a browser would.
            usine.ClientOptions.BaseAddress = new Uri("https://localhost");
        }
        var app = new OpenCptsApp(usine, null, fournisseur, horloge, chaine, fichier);
        // Creating a client starts the host (PreparerBaseAsync).
        usine.CreateClient().Dispose();
        return app;
    }

    /// <summary>Starts the platform on a copy of the demo CPTS (see <see cref="DemarrerAsync"/>).</summary>
    public static Task<OpenCptsApp> DemarrerAvecDemoAsync(Fournisseur fournisseur) => DemarrerAsync(fournisseur, demo: true);

    // A test database is a copy of a migrated template: the host only checks that the communes are there.
    private static Dictionary<string, string?> SurCopie(IReadOnlyDictionary<string, string?>? parametres)
    {
        var reglages = new Dictionary<string, string?> { ["OpenCpts:Database:MigrerAuDemarrage"] = "false" };
        foreach (var (cle, valeur) in parametres ?? new Dictionary<string, string?>())
        {
            reglages[cle] = valeur;
        }
        return reglages;
    }

    private static readonly SemaphoreSlim VerrouHotes = new(1, 1);
    private static readonly Dictionary<string, Usine> HotesPartages = [];

    private static async Task<Usine> HotePartageAsync(Fournisseur fournisseur, IReadOnlyDictionary<string, string?>? parametres, string environnement)
    {
        var cle = string.Join('\n', new[] { fournisseur.ToString(), environnement }
            .Concat((parametres ?? new Dictionary<string, string?>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)));
        await VerrouHotes.WaitAsync();
        try
        {
            if (!HotesPartages.TryGetValue(cle, out var usine))
            {
                // The host's own database serves its start-up only; each test brings its own.
                string chaine;
                if (fournisseur == Fournisseur.Postgres)
                {
                    chaine = await PostgresJetable.Instance.CreerBaseAsync(await ModelePostgresAsync(PostgresJetable.Instance, Modele.Vide));
                }
                else
                {
                    var fichier = Path.Combine(Path.GetTempPath(), $"opencpts-hote-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                    File.Copy(await ModeleSqliteAsync(Modele.Vide), fichier);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(fichier);
                    chaine = $"Data Source={fichier};Pooling=False";
                }
                var horloge = new FakeTimeProvider(Depart) { AutoAdvanceAmount = TimeSpan.Zero };
                HotePartage? hote = null;
                usine = new Usine(fournisseur, chaine, horloge, s => hote = HotePartage.Configurer(s, fournisseur, horloge, chaine),
                    SurCopie(parametres), environnement);
                usine.ClientOptions.BaseAddress = new Uri("https://localhost");
                usine.CreateClient().Dispose();
                hote!.MarquerDemarre();
                HotesPartages[cle] = usine;
            }
            return usine;
        }
        finally
        {
            VerrouHotes.Release();
        }
    }

    private enum Modele
    {
        Vide,
        Demo,
    }

    // Migrating, loading 35 000 communes and seeding the demo take seconds: each is done once per provider into a
    // template that test databases copy as they are (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
    private static readonly SemaphoreSlim VerrouModeles = new(1, 1);
    private static readonly Dictionary<(Fournisseur, Modele), string> Modeles = [];

    private static async Task<string> ModeleSqliteAsync(Modele modele)
    {
        await VerrouModeles.WaitAsync();
        try
        {
            return await ModeleSqliteVerrouilleAsync(modele);
        }
        finally
        {
            VerrouModeles.Release();
        }
    }

    private static async Task<string> ModeleSqliteVerrouilleAsync(Modele modele)
    {
        if (Modeles.TryGetValue((Fournisseur.Sqlite, modele), out var existant))
        {
            return existant;
        }
        var fichier = Path.Combine(Path.GetTempPath(), $"opencpts-modele-{modele}-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        if (modele == Modele.Demo)
        {
            File.Copy(await ModeleSqliteVerrouilleAsync(Modele.Vide), fichier);
        }
        await PreparerModeleAsync(Fournisseur.Sqlite, $"Data Source={fichier};Pooling=False", modele);
        SqliteConnection.ClearAllPools();
        // Fold the WAL into the file so that a plain file copy is the whole database.
        await using (var connexion = new SqliteConnection($"Data Source={fichier};Pooling=False"))
        {
            await connexion.OpenAsync();
            await using var commande = connexion.CreateCommand();
            commande.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await commande.ExecuteNonQueryAsync();
        }
        Modeles[(Fournisseur.Sqlite, modele)] = fichier;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var f in new[] { fichier, fichier + "-wal", fichier + "-shm" })
            {
                File.Delete(f);
            }
        };
        return fichier;
    }

    private static async Task<string> ModelePostgresAsync(PostgresJetable pg, Modele modele)
    {
        await VerrouModeles.WaitAsync();
        try
        {
            return await ModelePostgresVerrouilleAsync(pg, modele);
        }
        finally
        {
            VerrouModeles.Release();
        }
    }

    private static async Task<string> ModelePostgresVerrouilleAsync(PostgresJetable pg, Modele modele)
    {
        if (Modeles.TryGetValue((Fournisseur.Postgres, modele), out var existant))
        {
            return existant;
        }
        var chaine = await pg.CreerBaseAsync(modele == Modele.Demo ? await ModelePostgresVerrouilleAsync(pg, Modele.Vide) : null);
        await PreparerModeleAsync(Fournisseur.Postgres, chaine, modele);
        Npgsql.NpgsqlConnection.ClearAllPools();
        var nom = new Npgsql.NpgsqlConnectionStringBuilder(chaine).Database!;
        Modeles[(Fournisseur.Postgres, modele)] = nom;
        return nom;
    }

    // The empty template: migrated, communes loaded, roles created. The demo template: a copy of it with the demo seeded.
    private static async Task PreparerModeleAsync(Fournisseur fournisseur, string chaine, Modele modele)
    {
        var parametres = new Dictionary<string, string?> { ["OpenCpts:Database:MigrerAuDemarrage"] = modele == Modele.Vide ? "true" : "false" };
        await using var usine = new Usine(fournisseur, chaine, new FakeTimeProvider(Depart), null, parametres, "Testing");
        usine.CreateClient().Dispose();
        await using var scope = usine.Services.CreateAsyncScope();
        if (modele == Modele.Vide)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.Tous)
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        else
        {
            await scope.ServiceProvider.GetRequiredService<OpenCpts.Web.Features.Demo.SeedDemo>().ChargerSiAbsenteAsync();
        }
    }

    /// <summary>An anonymous client with its own cookies; redirects are not followed, so tests see them.</summary>
    public HttpClient Client() => _contexte is null
        ? _usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AdresseBase })
        : _usine.CreateDefaultClient(AdresseBase, new CookieContainerHandler(), new EnteteContexte(_contexte.Id));

    /// <summary>Every request of this test's clients names its context (database, clock, cache) on the shared host.</summary>
    private sealed class EnteteContexte(string id) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(ContexteTest.Entete);
            request.Headers.Add(ContexteTest.Entete, id);
            return base.SendAsync(request, cancellationToken);
        }
    }

    // On a shared host, the harness acts in this test's context: set here, it holds until the calling async method returns.
    private void Entrer()
    {
        if (_contexte is not null)
        {
            ContexteTest.Courant = _contexte;
        }
    }

    /// <summary>Creates a user with the role and returns a client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> ClientConnecteAsync(string role, Action<Utilisateur>? personnaliser = null)
    {
        var utilisateur = await CreerUtilisateurAsync(role, personnaliser);
        return await ConnecterAsync(utilisateur.Email!);
    }

    /// <summary>Signs in an existing account (password <see cref="MotDePasse"/> unless given).</summary>
    public async Task<HttpClient> ConnecterAsync(string email, string motDePasse = MotDePasse)
    {
        Entrer();
        if (motDePasse == OpenCpts.Web.Features.Demo.SeedDemo.MotDePasse)
        {
            // The demo password opens nothing outside Development: a demo account used in a test gets the test password.
            await using var scope = Services.CreateAsyncScope();
            var um = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = await um.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
            await um.RemovePasswordAsync(compte);
            await um.AddPasswordAsync(compte, MotDePasse);
            motDePasse = MotDePasse;
        }
        var client = Client();
        var reponse = await client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["MotDePasse"] = motDePasse,
        });
        if (reponse.StatusCode != HttpStatusCode.Redirect || reponse.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    /// <param name="cpts">The CPTS the account is attached to; by default the test's first (created if need be).</param>
    public async Task<Utilisateur> CreerUtilisateurAsync(string role, Action<Utilisateur>? personnaliser = null, int? cpts = null)
    {
        Entrer();
        var n = Interlocked.Increment(ref _comptes);
        var email = $"{role.ToLowerInvariant()}{n}@test.invalid";
        var utilisateur = new Utilisateur { UserName = email, Email = email, EmailConfirmed = true, NomAffiche = $"{role} {n}", CreeLeUtc = Horloge.GetUtcNow().UtcDateTime };
        personnaliser?.Invoke(utilisateur);
        await using var scope = Services.CreateAsyncScope();
        var um = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var r = await um.CreateAsync(utilisateur, MotDePasse);
        if (!r.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
        await um.AddToRoleAsync(utilisateur, role);
        // A test's accounts act in the test's first CPTS (tests of several CPTS attach them with RattacherAsync).
        var db = scope.ServiceProvider.GetRequiredService<OpenCptsDb>();
        db.Perimetre.OuvrirToutes();
        var premiere = cpts ?? CptsDeTest.Assurer(db);
        if (!await db.Set<RattachementCpts>().AnyAsync(r => r.UtilisateurId == utilisateur.Id && r.CptsId == premiere))
        {
            db.Set<RattachementCpts>().Add(new RattachementCpts { UtilisateurId = utilisateur.Id, CptsId = premiere, RattacheLeUtc = utilisateur.CreeLeUtc });
            await db.SaveChangesAsync();
        }
        return utilisateur;
    }

    /// <summary>Attaches an account to one more CPTS (as the Coordination would, through <see cref="RattacherCompte"/>).</summary>
    public Task RattacherAsync(string utilisateurId, int cptsId) => AvecServicesAsync(async sp =>
        await sp.GetRequiredService<RattacherCompte>().ExecuterAsync(utilisateurId, cptsId, "(test)"));

    /// <summary>A personal API token of a new user with the role, for <c>Authorization: Bearer</c>.</summary>
    public Task<string> JetonApiAsync(string role) => JetonApiDeCptsAsync(role, null);

    /// <summary>A personal API token of a new user with the role, attached to <paramref name="cpts"/> (by default the test's first).</summary>
    public async Task<string> JetonApiDeCptsAsync(string role, int? cpts)
    {
        Entrer();
        var u = await CreerUtilisateurAsync(role, cpts: cpts);
        await using var scope = Services.CreateAsyncScope();
        var jeton = await scope.ServiceProvider.GetRequiredService<JetonsApi>().CreerAsync(u.Id, "tests");
        return jeton.Valeur;
    }

    /// <summary>A client that authenticates with a Bearer token of a new user with the role.</summary>
    public async Task<HttpClient> ClientApiAsync(string role)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await JetonApiAsync(role));
        return client;
    }

    /// <summary>Creates a CPTS with the given territory (INSEE codes). The test's first CPTS gets the accounts
    /// already created (a test may create its accounts before its CPTS).</summary>
    public Task<Cpts> CreerCptsAsync(params string[] communes) => CreerCptsNommeeAsync(CptsDeTest.Nom, communes);

    public Task<Cpts> CreerCptsNommeeAsync(string nom, params string[] communes) => AvecDbAsync(async db =>
    {
        if (await CptsDeTest.AutomatiqueAsync(db) is { } automatique)
        {
            automatique.Nom = nom;
            automatique.Communes.AddRange(communes.Select(c => new CommuneTerritoire { CodeInsee = c, AjouteeLeUtc = automatique.CreeLeUtc }));
            await db.SaveChangesAsync();
            return automatique;
        }
        var premiere = !await db.Cpts.AnyAsync();
        var cpts = new Cpts { Nom = nom, CreeLeUtc = Horloge.GetUtcNow().UtcDateTime };
        cpts.Communes.AddRange(communes.Select(c => new CommuneTerritoire { CodeInsee = c, AjouteeLeUtc = cpts.CreeLeUtc }));
        db.Cpts.Add(cpts);
        await db.SaveChangesAsync();
        if (premiere)
        {
            var comptes = await db.Users.Select(u => u.Id).ToListAsync();
            db.Set<RattachementCpts>().AddRange(comptes.Select(u => new RattachementCpts { UtilisateurId = u, CptsId = cpts.Id, RattacheLeUtc = cpts.CreeLeUtc }));
            await db.SaveChangesAsync();
        }
        return cpts;
    });

    /// <summary>
    /// Runs code on the test's database with every CPTS open (the arrangement and the checks of a test see
    /// everything); a new CPTS-owned record without a CPTS gets the test's first CPTS (<see cref="PerimetreCptsDeTest"/>).
    /// </summary>
    public async Task<T> AvecDbAsync<T>(Func<OpenCptsDb, Task<T>> action)
    {
        Entrer();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenCptsDb>();
        db.Perimetre.OuvrirToutes();
        return await action(db);
    }

    public Task AvecDbAsync(Func<OpenCptsDb, Task> action) => AvecDbAsync(async db =>
    {
        await action(db);
        return true;
    });

    /// <summary>Runs code with a DI scope of the platform (use cases, managers…), bound like a request of the test's
    /// first CPTS (every CPTS open when there is none yet).</summary>
    public async Task<T> AvecServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        Entrer();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenCptsDb>();
        db.Perimetre.OuvrirToutes();
        if (await db.Cpts.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } premiere)
        {
            db.Perimetre.Fixer(premiere);
        }
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_contexte is null)
        {
            await _usine.DisposeAsync();
        }
        else
        {
            _contexte.Dispose();
        }
        if (_fichierSqlite is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _fichierSqlite, _fichierSqlite + "-wal", _fichierSqlite + "-shm" })
            {
                File.Delete(f);
            }
        }
        else
        {
            // Idle pooled connections to a finished test's database would add up to the server's limit.
            // The database itself stays until the cluster goes: a DROP DATABASE waits for every backend of the cluster
            // and made a PostgreSQL test several times slower (measured); the cluster's folder is removed at the end.
            await using var connexion = new Npgsql.NpgsqlConnection(_chaine);
            Npgsql.NpgsqlConnection.ClearPool(connexion);
        }
    }

    private sealed class Usine(Fournisseur fournisseur, string chaine, FakeTimeProvider horloge, Action<IServiceCollection>? services,
        IReadOnlyDictionary<string, string?>? parametres, string environnement)
        : WebApplicationFactory<Program>
    {
        private static readonly Microsoft.Extensions.Caching.Memory.MemoryCache CacheEf = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());
        private static readonly Microsoft.Extensions.Logging.ILoggerFactory JournauxEf = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

        public string DossierCles { get; } = Path.Combine(Path.GetTempPath(), $"opencpts-cles-{Guid.NewGuid():N}");

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(DossierCles))
            {
                Directory.Delete(DossierCles, recursive: true);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environnement);
            // Outside Development the static web assets manifest is not read by default; without it the
            // precompressed variants (under obj/) are missing and a browser asking for gzip gets empty files.
            builder.UseStaticWebAssets();
            builder.UseSetting("OpenCpts:Database:Provider", fournisseur == Fournisseur.Postgres ? OptionsBaseDeDonnees.Postgres : OptionsBaseDeDonnees.Sqlite);
            builder.UseSetting("ConnectionStrings:OpenCpts", chaine);
            builder.UseSetting("OpenCpts:Demo:Charger", "false");
            builder.UseSetting("OpenCpts:DataProtection:Keys", DossierCles);
            // Ordinary tests sign in many accounts from one address and do not enrol in 2FA: the tests of these
            // protections set their own values through `parametres`.
            builder.UseSetting("OpenCpts:Securite:DeuxFacteursParDefaut", "false");
            builder.UseSetting("OpenCpts:Connexion:TentativesParAdresse", "1000000");
            builder.UseSetting("OpenCpts:Connexion:TentativesParCompte", "1000000");
            foreach (var (cle, valeur) in parametres ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(cle, valeur);
            }
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(horloge);
                // Test-only: one PBKDF2 iteration instead of 100 000 (each signed-in client hashes twice). Hashes
                // record their iteration count, so verification is the production code path.
                s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
                s.AddScoped<PerimetreCpts, PerimetreCptsDeTest>();
                // One EF Core internal service provider (and so one built model) for every test host: by default
                // each host's own logger factory and memory cache make EF build the model again.
                s.ConfigureDbContext<SqliteOpenCptsDb>(o => o.UseMemoryCache(CacheEf).UseLoggerFactory(JournauxEf));
                s.ConfigureDbContext<PostgresOpenCptsDb>(o => o.UseMemoryCache(CacheEf).UseLoggerFactory(JournauxEf));
                services?.Invoke(s);
            });
        }
    }
}

public static partial class Formulaires
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonAntiforgery();

    /// <summary>The antiforgery token of a page's form (the page must contain a form).</summary>
    public static async Task<string> JetonAntiforgeryAsync(this HttpClient client, string urlPage)
    {
        var html = await client.GetStringAsync(urlPage);
        var m = JetonAntiforgery().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {urlPage}");
    }

    /// <summary>GETs the page to read its antiforgery token, then POSTs the fields (to <paramref name="action"/> or the page).</summary>
    public static async Task<HttpResponseMessage> PosterFormulaireAsync(this HttpClient client, string urlPage, IDictionary<string, string> champs, string? action = null)
    {
        var jeton = await client.JetonAntiforgeryAsync(urlPage);
        var donnees = new Dictionary<string, string>(champs) { ["__RequestVerificationToken"] = jeton };
        return await client.PostAsync(action ?? urlPage, new FormUrlEncodedContent(donnees));
    }

    /// <summary>POSTs like htmx does: antiforgery token in the RequestVerificationToken header, HX-Request set.</summary>
    public static async Task<HttpResponseMessage> PosterHtmxAsync(this HttpClient client, string urlPage, string action, IDictionary<string, string> champs)
    {
        var jeton = await client.JetonAntiforgeryAsync(urlPage);
        using var requete = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(champs) };
        requete.Headers.Add("RequestVerificationToken", jeton);
        requete.Headers.Add("HX-Request", "true");
        return await client.SendAsync(requete);
    }
}
