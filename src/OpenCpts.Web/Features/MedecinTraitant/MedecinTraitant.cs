namespace OpenCpts.Web.Features.MedecinTraitant;

/// <summary>Registration of the médecin traitant feature: waiting list, GP capacities, matching, follow-up.</summary>
public static class MedecinTraitant
{
    public static IServiceCollection AddMedecinTraitant(this IServiceCollection services)
    {
        services.AddAppariementMt();
        return services;
    }

    public static IEndpointRouteBuilder MapMedecinTraitant(this IEndpointRouteBuilder app)
    {
        app.MapAppariementMt();
        return app;
    }
}
