namespace OpenCpts.Web.Fhir;

/// <summary>The FHIR R4 surface for the SAS platform (gestionnaire d'agenda CPTS), under /fhir.</summary>
public static class FhirSas
{
    public static IServiceCollection AddFhirSas(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static WebApplication MapFhirSas(this WebApplication app)
    {
        return app;
    }
}
