using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Tests.Infrastructure.Taches;

public class TachePeriodiqueTests
{
    /// <summary>One object per DI scope, to tell the runs' scopes apart.</summary>
    private sealed class ObjetDuScope;

    /// <summary>What the test job saw: one entry per run, with the object of its scope.</summary>
    private sealed class Passages
    {
        public Channel<ObjetDuScope> Runs { get; } = Channel.CreateUnbounded<ObjetDuScope>();
    }

    /// <summary>Fails on its first run, succeeds on the others.</summary>
    private sealed class TacheEssai(DependancesTache dependances, Passages passages) : TachePeriodique("Essai", TimeSpan.FromHours(1), dependances)
    {
        private int _runs;

        // This job is about timing: one run over every CPTS (the per-CPTS runs need a database).
        protected override bool ParCpts => false;

        public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
        {
            passages.Runs.Writer.TryWrite(services.GetRequiredService<ObjetDuScope>());
            return Interlocked.Increment(ref _runs) == 1 ? throw new InvalidOperationException("Panne de test") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_job_runs_each_time_the_clock_passes_its_period_and_goes_on_after_a_failed_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var horloge = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(horloge)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OpenCpts:Taches:Essai:Active"] = "true",
                ["OpenCpts:Taches:Essai:Periode"] = "00:10:00",
            }).Build())
            .AddSingleton<Passages>()
            .AddScoped<ObjetDuScope>()
            .AddScoped<PerimetreCpts>()
            .AddTachePeriodique<TacheEssai>();
        await using var fournisseur = services.BuildServiceProvider();
        var tache = fournisseur.GetServices<IHostedService>().OfType<TacheEssai>().Single();
        var runs = fournisseur.GetRequiredService<Passages>().Runs.Reader;
        await tache.StartAsync(ct);

        horloge.Advance(TimeSpan.FromMinutes(10));
        var premier = await runs.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromMinutes(1), ct);
        horloge.Advance(TimeSpan.FromMinutes(10));
        var second = await runs.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromMinutes(1), ct);
        await tache.StopAsync(ct);

        Assert.True(tache.Active);
        Assert.Equal(TimeSpan.FromMinutes(10), tache.Periode);
        Assert.NotSame(premier, second);
        Assert.False(runs.TryRead(out _));
    }

    [Fact]
    public void A_job_not_configured_keeps_its_own_period_and_a_period_that_is_not_positive_is_refused()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OpenCpts:Taches:Autre:Periode"] = "-00:05:00",
            }).Build())
            .AddSingleton<Passages>()
            .AddTachePeriodique<TacheEssai>();
        using var fournisseur = services.BuildServiceProvider();
        var tache = fournisseur.GetServices<IHostedService>().OfType<TacheEssai>();

        var erreur = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => tache.Single().Periode);

        Assert.Contains("OpenCpts:Taches:Autre:Periode", erreur.Message, StringComparison.Ordinal);
    }
}
