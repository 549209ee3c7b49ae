using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>Protocols library: versioned Markdown content rendered safely, documents, statuses.</summary>
public static class ProtocolesParcours
{
    /// <summary>Who reads the protocols library: everyone taking part in pathways, and the Bureau. The Coordination edits.</summary>
    public const string PolitiqueLecture = "ProtocolesLecture";
    /// <summary>
    /// The protocol page: reading for <see cref="PolitiqueLecture"/>, any POST (status, documents) for the Coordination
    /// only. Checked by the authorization middleware from the request line, before the body (a file of up to 64 Mo) is read.
    /// </summary>
    public const string PolitiqueFiche = "ProtocolesFiche";

    public static IServiceCollection AddProtocoles(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueLecture, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement, Roles.Bureau))
            .AddPolicy(PolitiqueFiche, p => p
                .RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement, Roles.Bureau)
                .RequireAssertion(ctx => ctx.User.IsInRole(Roles.Coordination) || EnLecture(ctx.Resource)));
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

    private static bool EnLecture(object? ressource) =>
        (ressource switch
        {
            HttpContext http => http,
            Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext filtre => filtre.HttpContext,
            _ => null,
        }) is { } h && (HttpMethods.IsGet(h.Request.Method) || HttpMethods.IsHead(h.Request.Method));

    public static WebApplication MapProtocoles(this WebApplication app)
    {
        ApiProtocoles.Mapper(app);
        return app;
    }
}
