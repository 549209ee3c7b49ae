using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCpts.Web.Features.Comptes;
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
    private readonly string? _fichierSqlite;
    private int _comptes;

    /// <summary>The clock of the platform (injected as TimeProvider). Starts on 2026-11-23 09:00 UTC.</summary>
    public FakeTimeProvider Horloge { get; }

    public Fournisseur Fournisseur { get; }

    public IServiceProvider Services => _usine.Services;

    /// <summary>The address the platform listens on (a real loopback port when started with Kestrel).</summary>
    public Uri AdresseBase => _usine.ClientOptions.BaseAddress;

    private OpenCptsApp(Usine usine, Fournisseur fournisseur, FakeTimeProvider horloge, string? fichierSqlite)
    {
        _usine = usine;
        Fournisseur = fournisseur;
        Horloge = horloge;
        _fichierSqlite = fichierSqlite;
    }

    /// <summary>Starts the platform on a new empty database. Skips the test when PostgreSQL is absent locally
    /// (./test.sh sets OPENCPTS_EXIGER_POSTGRES=1 so that CI fails instead).</summary>
    /// <param name="certificatHttps">With <paramref name="kestrel"/>: listen in HTTPS with this server certificate.</param>
    /// <param name="parametres">Settings applied over the harness's own (a null value removes a setting).</param>
    /// <param name="environnement">The host environment ("Testing" by default).</param>
    public static async Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, Action<IServiceCollection>? services = null, bool kestrel = false,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificatHttps = null,
        IReadOnlyDictionary<string, string?>? parametres = null, string environnement = "Testing")
    {
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
            chaine = await pg.CreerBaseAsync(await ModelePostgresAsync(pg));
        }
        else
        {
            fichier = Path.Combine(Path.GetTempPath(), $"opencpts-test-{Guid.NewGuid():N}.db");
            File.Copy(await ModeleSqliteAsync(), fichier);
            chaine = $"Data Source={fichier};Pooling=False";
        }
        var horloge = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        horloge.AutoAdvanceAmount = TimeSpan.Zero;
        var usine = new Usine(fournisseur, chaine, horloge, services, parametres, environnement);
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
        var app = new OpenCptsApp(usine, fournisseur, horloge, fichier);
        // Creating a client starts the host, which migrates and loads the communes (PreparerBaseAsync).
        usine.CreateClient().Dispose();
        await app.CreerRolesAsync();
        return app;
    }

    // Migrating and loading 35 000 communes takes seconds: it is done once per provider into a
    // template that every test database copies (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
    private static readonly SemaphoreSlim VerrouModeles = new(1, 1);
    private static string? _modeleSqlite;
    private static string? _modelePostgres;

    private static async Task<string> ModeleSqliteAsync()
    {
        await VerrouModeles.WaitAsync();
        try
        {
            if (_modeleSqlite is null)
            {
                var fichier = Path.Combine(Path.GetTempPath(), $"opencpts-modele-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                await PreparerModeleAsync(Fournisseur.Sqlite, $"Data Source={fichier};Pooling=False");
                SqliteConnection.ClearAllPools();
                _modeleSqlite = fichier;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(fichier);
            }
            return _modeleSqlite;
        }
        finally
        {
            VerrouModeles.Release();
        }
    }

    private static async Task<string> ModelePostgresAsync(PostgresJetable pg)
    {
        await VerrouModeles.WaitAsync();
        try
        {
            if (_modelePostgres is null)
            {
                var chaine = await pg.CreerBaseAsync();
                await PreparerModeleAsync(Fournisseur.Postgres, chaine);
                Npgsql.NpgsqlConnection.ClearAllPools();
                _modelePostgres = new Npgsql.NpgsqlConnectionStringBuilder(chaine).Database!;
            }
            return _modelePostgres;
        }
        finally
        {
            VerrouModeles.Release();
        }
    }

    private static async Task PreparerModeleAsync(Fournisseur fournisseur, string chaine)
    {
        await using var usine = new Usine(fournisseur, chaine, new FakeTimeProvider(), null, null, "Testing");
        usine.CreateClient().Dispose();
    }

    /// <summary>An anonymous client with its own cookies; redirects are not followed, so tests see them.</summary>
    public HttpClient Client() =>
        _usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AdresseBase });

    /// <summary>Creates a user with the role and returns a client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> ClientConnecteAsync(string role, Action<Utilisateur>? personnaliser = null)
    {
        var utilisateur = await CreerUtilisateurAsync(role, personnaliser);
        return await ConnecterAsync(utilisateur.Email!);
    }

    /// <summary>Signs in an existing account (password <see cref="MotDePasse"/> unless given).</summary>
    public async Task<HttpClient> ConnecterAsync(string email, string motDePasse = MotDePasse)
    {
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

    public async Task<Utilisateur> CreerUtilisateurAsync(string role, Action<Utilisateur>? personnaliser = null)
    {
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
        return utilisateur;
    }

    /// <summary>A personal API token of a new user with the role, for <c>Authorization: Bearer</c>.</summary>
    public async Task<string> JetonApiAsync(string role)
    {
        var u = await CreerUtilisateurAsync(role);
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

    /// <summary>Creates the CPTS of this host with the given territory (INSEE codes).</summary>
    public Task<Cpts> CreerCptsAsync(params string[] communes) => AvecDbAsync(async db =>
    {
        var cpts = new Cpts { Nom = "CPTS de test", CreeLeUtc = Horloge.GetUtcNow().UtcDateTime };
        cpts.Communes.AddRange(communes.Select(c => new CommuneTerritoire { CodeInsee = c, AjouteeLeUtc = cpts.CreeLeUtc }));
        db.Cpts.Add(cpts);
        await db.SaveChangesAsync();
        return cpts;
    });

    public async Task<T> AvecDbAsync<T>(Func<OpenCptsDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<OpenCptsDb>());
    }

    public async Task AvecDbAsync(Func<OpenCptsDb, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<OpenCptsDb>());
    }

    /// <summary>Runs code with a DI scope of the platform (use cases, managers…).</summary>
    public async Task<T> AvecServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private async Task CreerRolesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.Tous)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _usine.DisposeAsync();
        if (_fichierSqlite is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _fichierSqlite, _fichierSqlite + "-wal", _fichierSqlite + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    private sealed class Usine(Fournisseur fournisseur, string chaine, FakeTimeProvider horloge, Action<IServiceCollection>? services,
        IReadOnlyDictionary<string, string?>? parametres, string environnement)
        : WebApplicationFactory<Program>
    {
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
            builder.UseSetting("OpenCpts:Database:MigrerAuDemarrage", "true");
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
