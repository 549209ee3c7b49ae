namespace OpenCpts.Web.Features.Parcours;

/// <summary><c>OpenCpts:Parcours:Sorties</c> settings.</summary>
public sealed class OptionsSorties
{
    /// <summary>Run the 48-hour alerts in the background; default: yes, except in the "Testing" environment.</summary>
    public bool? AlertesAuto { get; set; }
}

/// <summary>
/// Runs <see cref="EnvoyerAlertesSortie"/> every 15 minutes. A thin loop: the use case holds the rules and is
/// called directly by the tests, which keep this loop off ("Testing" environment) so that moving the fake clock
/// does not send alerts behind their back.
/// </summary>
public sealed class AlertesSortie(IServiceScopeFactory scopes, TimeProvider horloge, OptionsSorties options, IHostEnvironment environnement,
    ILogger<AlertesSortie> journal) : BackgroundService
{
    public static readonly TimeSpan Periode = TimeSpan.FromMinutes(15);

    public bool Active => options.AlertesAuto ?? !environnement.IsEnvironment("Testing");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Active)
        {
            return;
        }
        using var minuterie = new PeriodicTimer(Periode, horloge);
        while (await minuterie.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EnvoyerAlertesSortie>().ExecuteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The plans stay unalerted: the next tick retries them.
                journal.LogError(e, "Discharge plan alerts run failed");
            }
        }
    }
}
