
namespace OpenCpts.Web.Features.MedecinTraitant;

/// <summary>Registration of the médecin traitant feature: waiting list, GP capacities, matching, follow-up.</summary>
public static class MedecinTraitant
{
    public static IServiceCollection AddMedecinTraitant(this IServiceCollection services)
    {
        services.AddAppariementMt();
        services.AddListeAttente();
        return services;
    }

    public static WebApplication MapMedecinTraitant(this WebApplication app)
    {
        app.MapAppariementMt();
        app.MapListeAttente();
        return app;
    }
}
