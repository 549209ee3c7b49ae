namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary>
/// Keeps the rolling horizon full: materialises every pattern at start-up, then every 6 hours.
/// Off in the "Testing" environment unless <c>OpenCpts:Snp:MaterialisationAuto</c> says otherwise,
/// so that tests control the clock and the data.
/// </summary>
public sealed class MaterialisationPeriodique(
    IServiceScopeFactory scopes,
    TimeProvider horloge,
    OptionsSnp options,
    IHostEnvironment environnement,
    ILogger<MaterialisationPeriodique> journal) : BackgroundService
{
    public static readonly TimeSpan Periode = TimeSpan.FromHours(6);

    public bool Active => options.MaterialisationAuto ?? !environnement.IsEnvironment("Testing");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Active)
        {
            return;
        }
        using var minuterie = new PeriodicTimer(Periode, horloge);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var r = await scope.ServiceProvider.GetRequiredService<MaterialiserCreneaux>().TousAsync(stoppingToken);
                journal.LogInformation("Créneaux SNP matérialisés : {Crees} créés, {Retires} retirés, {MisAJour} mis à jour", r.Crees, r.Retires, r.MisAJour);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run retries; one failure (database restarting…) must not stop the service.
                journal.LogError(e, "Échec de la matérialisation des créneaux SNP");
            }
        }
        while (await minuterie.WaitForNextTickAsync(stoppingToken));
    }
}
