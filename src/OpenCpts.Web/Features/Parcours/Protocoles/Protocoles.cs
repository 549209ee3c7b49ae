namespace OpenCpts.Web.Features.Parcours;

/// <summary>Protocols library: versioned Markdown content rendered safely, documents, statuses.</summary>
public static class Protocoles
{
    public static IServiceCollection AddProtocoles(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapProtocoles(this WebApplication app)
    {
        return app;
    }
}
