using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>
/// Runs <see cref="EnvoyerAlertesSortie"/> every 15 minutes (<c>OpenCpts:Taches:AlertesSortie</c>). A thin loop: the
/// use case holds the rules and is called directly by the tests, which keep this job off so that moving the fake clock
/// does not send alerts behind their back.
/// </summary>
public sealed class AlertesSortie(DependancesTache dependances) : TachePeriodique("AlertesSortie", TimeSpan.FromMinutes(15), dependances)
{
    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnvoyerAlertesSortie>().ExecuteAsync(ct);
}
