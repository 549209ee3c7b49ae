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

    /// <summary>The upload page of an import type ("RPPS", "FINESS"): where its progress is polled and its reports belong.</summary>
    public static string Page(string type) => type == ImportFiness.Type ? "/import/finess" : "/import/rpps";
}
