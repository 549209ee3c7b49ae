namespace OpenCpts.Web.Features.Territoire;

public static class Territoire
{
    public static IServiceCollection AddTerritoire(this IServiceCollection services)
    {
        services.AddScoped<CptsCourante>();
        services.AddScoped<ImportCommunes>();
        return services;
    }

    public static WebApplication MapTerritoire(this WebApplication app)
    {
        return app;
    }
}
