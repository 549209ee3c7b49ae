using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Taches;

/// <summary>One background job's settings, <c>OpenCpts:Taches:&lt;Nom&gt;</c>.</summary>
public sealed class OptionsTache
{
    /// <summary>Run the job in the background. Default: yes (appsettings.Testing.json turns every job off, so that
    /// tests call the use cases themselves on their own clock).</summary>
    public bool Active { get; set; } = true;

    /// <summary>Time between two runs (<c>hh:mm:ss</c>); default: the job's own.</summary>
    public TimeSpan? Periode { get; set; }
}

/// <summary>The section <c>OpenCpts:Taches</c>: one <see cref="OptionsTache"/> per job name.</summary>
public sealed class OptionsTaches() : Dictionary<string, OptionsTache>(StringComparer.OrdinalIgnoreCase);

/// <summary>What every <see cref="TachePeriodique"/> needs, in one constructor parameter.</summary>
public sealed class DependancesTache(IServiceScopeFactory scopes, TimeProvider horloge, IOptions<OptionsTaches> options, ILoggerFactory journaux)
{
    public IServiceScopeFactory Scopes => scopes;
    public TimeProvider Horloge => horloge;
    public OptionsTaches Options => options.Value;
    public ILoggerFactory Journaux => journaux;
}

/// <summary>
/// A job run every <see cref="Periode"/> on the injected <see cref="TimeProvider"/> (tests move a fake clock), each
/// run in its own DI scope. A failed run is logged and the next one comes as planned. Enabled and timed by
/// <c>OpenCpts:Taches:&lt;Nom&gt;:Active</c> and <c>:Periode</c>; never by the environment's name.
/// </summary>
public abstract class TachePeriodique(string nom, TimeSpan periodeParDefaut, DependancesTache dependances) : BackgroundService
{
    private readonly ILogger _journal = dependances.Journaux.CreateLogger("OpenCpts.Web.Infrastructure.Taches." + nom);
    private PeriodicTimer? _minuterie;

    /// <summary>The job's key under <c>OpenCpts:Taches</c>.</summary>
    public string Nom => nom;

    public bool Active => Options.Active;

    public TimeSpan Periode => Options.Periode ?? periodeParDefaut;

    private OptionsTache Options => dependances.Options.GetValueOrDefault(nom) ?? new OptionsTache();

    /// <summary>Also run once as soon as the platform starts, before the first period has passed.</summary>
    protected virtual bool AuDemarrage => false;

    /// <summary>
    /// True (default): each run is done once per CPTS, each in its own scope bound to that CPTS, so the job sees and
    /// writes one CPTS at a time like a request. False: one run over every CPTS (shared reference data, the outbox).
    /// </summary>
    protected virtual bool ParCpts => true;

    /// <summary>One run, with the services of its own scope (bound to one CPTS, or to all when not
    /// <see cref="ParCpts"/>). Tests may call it directly.</summary>
    public abstract Task ExecuterAsync(IServiceProvider services, CancellationToken ct);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made during the host's start, not in ExecuteAsync (which runs on another thread): a clock moved right after
        // the start cannot pass before the timer exists.
        if (Active)
        {
            _minuterie = new PeriodicTimer(Periode, dependances.Horloge);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_minuterie is null)
        {
            return;
        }
        if (AuDemarrage)
        {
            await ExecuterDansUnScopeAsync(stoppingToken);
        }
        while (await _minuterie.WaitForNextTickAsync(stoppingToken))
        {
            await ExecuterDansUnScopeAsync(stoppingToken);
        }
    }

    private async Task ExecuterDansUnScopeAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!ParCpts)
            {
                await using var scope = dependances.Scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<PerimetreCpts>().OuvrirToutes();
                await ExecuterAsync(scope.ServiceProvider, stoppingToken);
                return;
            }
            List<int> toutes;
            await using (var scope = dependances.Scopes.CreateAsyncScope())
            {
                toutes = await scope.ServiceProvider.GetRequiredService<OpenCptsDb>().Cpts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(stoppingToken);
            }
            foreach (var cptsId in toutes)
            {
                await ExecuterPourAsync(cptsId, stoppingToken);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // One failure (database restarting, remote platform down…) must not stop the job: the next run retries.
            _journal.LogError(e, "Background job {Tache} failed; next run in {Periode}", nom, Periode);
        }
    }

    private async Task ExecuterPourAsync(int cptsId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = dependances.Scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PerimetreCpts>().Fixer(cptsId);
            await ExecuterAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // One CPTS's failure must not deprive the others of the run.
            _journal.LogError(e, "Background job {Tache} failed for CPTS {Cpts}; next run in {Periode}", nom, cptsId, Periode);
        }
    }

    public override void Dispose()
    {
        _minuterie?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}

public static class Taches
{
    /// <summary>Registers a periodic job as a hosted service, with the <c>OpenCpts:Taches</c> settings (once).</summary>
    public static IServiceCollection AddTachePeriodique<TTache>(this IServiceCollection services) where TTache : TachePeriodique
    {
        if (!services.Any(d => d.ServiceType == typeof(DependancesTache)))
        {
            services.AddSingleton<DependancesTache>();
            services.AddOptionsValidees<OptionsTaches>("OpenCpts:Taches");
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OptionsTaches>, ValidationTaches>());
        }
        services.AddHostedService<TTache>();
        return services;
    }

    private sealed class ValidationTaches : IValidateOptions<OptionsTaches>
    {
        public ValidateOptionsResult Validate(string? name, OptionsTaches options)
        {
            var erreurs = options.Where(t => t.Value.Periode is { } p && p <= TimeSpan.Zero)
                .Select(t => $"OpenCpts:Taches:{t.Key}:Periode doit être une durée positive (hh:mm:ss).")
                .ToList();
            return erreurs.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(erreurs);
        }
    }
}
