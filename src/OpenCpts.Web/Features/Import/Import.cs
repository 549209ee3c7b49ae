namespace OpenCpts.Web.Features.Import;

public static class Import
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapImport(this WebApplication app)
    {
        return app;
    }
}

/// <summary><c>-- import rpps FILE [--all]</c>.</summary>
public static class CommandeImportRpps
{
    public static Task<int> ExecuterAsync(IServiceProvider sp, string[] mots)
    {
        Console.Error.WriteLine("Import RPPS : en cours de construction.");
        return Task.FromResult(1);
    }
}
