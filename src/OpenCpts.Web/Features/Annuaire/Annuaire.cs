namespace OpenCpts.Web.Features.Annuaire;

public static class Annuaire
{
    public static IServiceCollection AddAnnuaire(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapAnnuaire(this WebApplication app)
    {
        return app;
    }
}
