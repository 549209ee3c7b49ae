using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>Protocols library: versioned Markdown content rendered safely, documents, statuses.</summary>
public static class Protocoles
{
    /// <summary>Who reads the protocols library: everyone taking part in pathways, and the Bureau. The Coordination edits.</summary>
    public const string PolitiqueLecture = "ProtocolesLecture";

    public static IServiceCollection AddProtocoles(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueLecture, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement, Roles.Bureau));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Parcours/Protocoles/EditionProtocole", "/parcours/protocoles/nouveau"));
        services.AddSingleton<RenduMarkdown>();
        services.AddScoped<ListerProtocoles>();
        services.AddScoped<RechercherProtocoles>();
        services.AddScoped<ConsulterProtocole>();
        services.AddScoped<EnregistrerProtocole>();
        services.AddScoped<ChangerStatutProtocole>();
        services.AddScoped<DocumentsProtocole>();
        return services;
    }

    public static WebApplication MapProtocoles(this WebApplication app)
    {
        ApiProtocoles.Mapper(app);
        return app;
    }
}
