namespace OpenCpts.Web.Features.Import;

public static class Import
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<ImportRpps>();
        services.AddScoped<ImportFiness>();
        services.AddScoped<ConsulterRapportImport>();
        services.AddSingleton<ImportsEnCours>();
        return services;
    }

    public static WebApplication MapImport(this WebApplication app)
    {
        return app;
    }
}
