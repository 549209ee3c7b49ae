using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// What belongs to one test on a host shared by many: its database, its clock, its memory cache and its client
/// address. Starting a web host costs about a second of CPU (DI, Razor Pages, the first render of each page); the
/// tests that use the default configuration share one host per provider instead, and each still gets a database,
/// a clock and a cache of its own. The context travels with each request in a header (<see cref="Entete"/>) that a
/// first middleware turns into <see cref="Courant"/>; the harness's own methods (<c>AvecDbAsync</c>…) set it too.
/// </summary>
public sealed class ContexteTest : IDisposable
{
    public const string Entete = "X-Test-Contexte";

    private static readonly AsyncLocal<ContexteTest?> Ambiant = new();
    private static readonly ConcurrentDictionary<string, ContexteTest> Actifs = new();
    private static int _compteur;

    private readonly object _verrou = new();
    private DbContextOptions? _options;

    public ContexteTest(string chaine, FakeTimeProvider horloge)
    {
        var n = Interlocked.Increment(ref _compteur);
        Id = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Chaine = chaine;
        Horloge = horloge;
        // A client address per test (198.18.0.0/15, the benchmarking range): per-address limits stay per test.
        Adresse = new IPAddress([198, (byte)(18 + ((n >> 16) & 1)), (byte)(n >> 8), (byte)n]);
        Actifs[Id] = this;
    }

    public string Id { get; }
    public string Chaine { get; }
    public FakeTimeProvider Horloge { get; }
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions());
    public IPAddress Adresse { get; }

    /// <summary>The context of the code running now (a request of the test, or the harness acting for it).</summary>
    public static ContexteTest? Courant
    {
        get => Ambiant.Value;
        set => Ambiant.Value = value;
    }

    public static ContexteTest? Trouver(string id) => Actifs.GetValueOrDefault(id);

    /// <summary>The host's configured options of <typeparamref name="TDb"/>, pointed at this test's database.</summary>
    public DbContextOptions<TDb> Options<TDb>(DbContextOptions<TDb> hote) where TDb : DbContext
    {
        lock (_verrou)
        {
            if (_options is not DbContextOptions<TDb> options)
            {
                var relationnel = hote.Extensions.OfType<RelationalOptionsExtension>().Single();
                options = (DbContextOptions<TDb>)hote.WithExtension(relationnel.WithConnectionString(Chaine));
                _options = options;
            }
            return options;
        }
    }

    public void Dispose()
    {
        Actifs.TryRemove(Id, out _);
        Cache.Dispose();
    }
}

/// <summary>The platform's TimeProvider on a shared host: the clock of the current test (a default one at start-up).</summary>
internal sealed class HorlogeAmbiante(FakeTimeProvider defaut) : TimeProvider
{
    private TimeProvider Courante => ContexteTest.Courant?.Horloge ?? defaut;

    public override DateTimeOffset GetUtcNow() => Courante.GetUtcNow();
    public override long GetTimestamp() => Courante.GetTimestamp();
    public override long TimestampFrequency => Courante.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Courante.LocalTimeZone;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Courante.CreateTimer(callback, state, dueTime, period);
}

/// <summary>The platform's IMemoryCache on a shared host: the cache of the current test.</summary>
internal sealed class CacheAmbiant(MemoryCache defaut) : IMemoryCache
{
    private MemoryCache Courant => ContexteTest.Courant?.Cache ?? defaut;

    public ICacheEntry CreateEntry(object key) => Courant.CreateEntry(key);
    public void Remove(object key) => Courant.Remove(key);
    public bool TryGetValue(object key, out object? value) => Courant.TryGetValue(key, out value);
    public void Dispose() => defaut.Dispose();
}

/// <summary>Registers what makes a host shareable: ambient clock, cache and database, and the context middleware.</summary>
internal sealed class HotePartage
{
    private readonly ContexteTest _demarrage;
    private volatile bool _demarre;

    private HotePartage(ContexteTest demarrage) => _demarrage = demarrage;

    /// <param name="chaineDemarrage">The host's own database, used by its start-up (migrations check, communes).</param>
    public static HotePartage Configurer(IServiceCollection services, Fournisseur fournisseur, FakeTimeProvider horlogeDemarrage, string chaineDemarrage)
    {
        var hote = new HotePartage(new ContexteTest(chaineDemarrage, horlogeDemarrage));
        services.AddSingleton<TimeProvider>(new HorlogeAmbiante(horlogeDemarrage));
        services.AddSingleton<IMemoryCache>(new CacheAmbiant(hote._demarrage.Cache));
        if (fournisseur == Fournisseur.Postgres)
        {
            services.AddScoped(sp => new PostgresOpenCptsDb(hote.Contexte().Options(sp.GetRequiredService<DbContextOptions<PostgresOpenCptsDb>>()))
            {
                Perimetre = sp.GetRequiredService<PerimetreCpts>(),
            });
        }
        else
        {
            services.AddScoped(sp => new SqliteOpenCptsDb(hote.Contexte().Options(sp.GetRequiredService<DbContextOptions<SqliteOpenCptsDb>>()))
            {
                Perimetre = sp.GetRequiredService<PerimetreCpts>(),
            });
        }
        services.AddSingleton<IStartupFilter, FiltreContexte>();
        return hote;
    }

    /// <summary>From now on, a database access outside any test context is a harness bug, and fails loudly.</summary>
    public void MarquerDemarre() => _demarre = true;

    private ContexteTest Contexte() =>
        ContexteTest.Courant ?? (_demarre
            ? throw new InvalidOperationException("Database used outside a test context on a shared host: use app.AvecDbAsync/AvecServicesAsync, or a client from app.Client().")
            : _demarrage);

    private sealed class FiltreContexte : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> suivant) => app =>
        {
            app.Use((http, apres) =>
            {
                if (http.Request.Headers.TryGetValue(ContexteTest.Entete, out var id) && ContexteTest.Trouver(id.ToString()) is { } contexte)
                {
                    ContexteTest.Courant = contexte;
                    http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(AdresseClient.Entete, out var adresse)
                        ? IPAddress.Parse(adresse.ToString())
                        : contexte.Adresse;
                }
                return apres(http);
            });
            suivant(app);
        };
    }
}
