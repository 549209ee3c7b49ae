using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>Care requests: posting, matching members, first acceptance wins, escalation, statistics.</summary>
public static class DemandesPriseEnCharge
{
    public static IServiceCollection AddDemandesPriseEnCharge(this IServiceCollection services)
    {
        services.AddOptionsValidees<OptionsParcours>("OpenCpts:Parcours")
            .PostConfigure<IConfiguration>((o, configuration) => o.UrlPublique ??= configuration["OpenCpts:UrlPublique"]);
        services.AddScoped<TrouverMembresPourDemande>();
        services.AddScoped<AccesDemandePec>();
        services.AddScoped<DiffuserDemandePec>();
        services.AddScoped<PosterDemandePec>();
        services.AddScoped<RediffuserDemandePec>();
        services.AddScoped<AccepterDemandePec>();
        services.AddScoped<ConsulterDemandePec>();
        services.AddScoped<ListerDemandesPec>();
        services.AddScoped<AnnulerDemandePec>();
        services.AddScoped<EscaladerDemandesPec>();
        services.AddScoped<CalculerStatsDemandesPec>();
        services.AddScoped<ParametrerParcours>();
        services.AddScoped<DeclarerConge>();
        services.AddTachePeriodique<EscaladePeriodique>();
        return services;
    }

    public static WebApplication MapDemandesPriseEnCharge(this WebApplication app)
    {
        ApiDemandesPec.Mapper(app);
        return app;
    }
}
