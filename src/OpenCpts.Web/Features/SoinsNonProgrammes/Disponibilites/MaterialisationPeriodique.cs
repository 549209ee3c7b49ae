using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>Keeps the rolling horizon full: materialises every pattern at start-up, then every 6 hours
/// (<c>OpenCpts:Taches:MaterialisationCreneaux</c>).</summary>
public sealed class MaterialisationPeriodique(DependancesTache dependances, ILogger<MaterialisationPeriodique> journal)
    : TachePeriodique("MaterialisationCreneaux", TimeSpan.FromHours(6), dependances)
{
    protected override bool AuDemarrage => true;

    public override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var r = await services.GetRequiredService<MaterialiserCreneaux>().TousAsync(ct);
        journal.LogInformation("Créneaux SNP matérialisés : {Crees} créés, {Retires} retirés, {MisAJour} mis à jour", r.Crees, r.Retires, r.MisAJour);
    }
}
