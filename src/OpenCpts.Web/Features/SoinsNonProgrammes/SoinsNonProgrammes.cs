namespace OpenCpts.Web.Features.SoinsNonProgrammes;

public static class SoinsNonProgrammes
{
    public static IServiceCollection AddSoinsNonProgrammes(this IServiceCollection services)
    {
        services.AddScoped<CalculerSuiviSnp>();
        return services;
    }

    public static WebApplication MapSoinsNonProgrammes(this WebApplication app)
    {
        return app;
    }
}
