namespace OpenCpts.Web.Features.Parcours;

/// <summary>Care requests: posting, matching members, first acceptance wins, escalation, statistics.</summary>
public static class DemandesPriseEnCharge
{
    public static IServiceCollection AddDemandesPriseEnCharge(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapDemandesPriseEnCharge(this WebApplication app)
    {
        return app;
    }
}
