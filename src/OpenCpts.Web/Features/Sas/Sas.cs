using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Taches;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.Sas.Fhir;
using OpenCpts.Web.Features.Sas.Regulateurs;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Web.Features.Sas;

/// <summary>
/// The SAS feature: the FHIR R4 surface for the SAS platform (gestionnaire d'agenda CPTS) under /fhir, the regulators'
/// sign-in and booking pages under /sas, and the appointment outbox. It builds on unscheduled care, never the reverse.
/// </summary>
public static class Sas
{
    /// <summary>Policy of /fhir: an API token of an account in role <see cref="Features.Comptes.Roles.PlateformeSas"/>, or of one of
    /// the roles of <see cref="OptionsSas.Roles"/> when set.</summary>
    public const string PolitiqueSas = "Sas";

    private static readonly string[] TypesLisibles = ["Slot", "Schedule", "Practitioner", "PractitionerRole", "HealthcareService", "Organization"];

    public static IServiceCollection AddSas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsValidees<OptionsSas>("OpenCpts:Sas")
            .PostConfigure(o => o.UrlPublique ??= configuration["OpenCpts:UrlPublique"]);
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<OptionsSas>>((autorisations, sas) =>
            autorisations.AddPolicy(PolitiqueSas, p => p.RequireAuthenticatedUser()
                .RequireRole(sas.Value.Roles is { Count: > 0 } roles ? roles : [Features.Comptes.Roles.PlateformeSas])));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AutorisationFhir>();
        services.AddExceptionHandler<ErreurFhir>();
        services.AddScoped<SourceSas>();
        services.AddSingleton<FragmentsSas>();
        services.AddScoped<RechercherCreneauxSas>();
        services.AddScoped<LireRessourcesSas>();
        services.AddScoped<EnregistrerCompteRegulateur>();
        services.AddScoped<EnvoisSas>();
        services.AddScoped<IObservateurReservations, ReservationsSuiviesParSas>();
        MtlsSas.Ajouter(services);
        services.AddTachePeriodique<EnvoisSasPeriodiques>();
        services.AddScoped<ConnexionRegulateurSas>();
        services.AddScoped<ReserverDepuisSas>();
        services.AddAuthentication().AddCookie(ConnexionRegulateurSas.Schema, o =>
        {
            // A session of the SAS booking pages only: the cookie is not even sent to the rest of the site.
            o.Cookie.Name = "OpenCpts.RegulateurSas";
            o.Cookie.Path = "/sas";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = false;
        });
        services.AddHttpClient<EnvoyerRendezVousSas>(c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    public static WebApplication MapSas(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir")
            .RequireAuthorization(PolitiqueSas)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (ctx, suivant) =>
            {
                var http = ctx.HttpContext;
                if (new RequeteFhir(http.Request.QueryString.Value).FormatRefuse(http.Request) is { } refus)
                {
                    return refus;
                }
                return await suivant(ctx);
            });

        // Capabilities hold no data: readable without a token, as FHIR clients expect.
        fhir.MapGet("/metadata", (HttpContext http, TimeProvider horloge) =>
            ReponsesFhir.Ressource(CapaciteSas.Construire(BaseUrl(http), horloge.GetUtcNow()))).AllowAnonymous();

        fhir.MapGet("/Slot", (HttpContext http, RechercherCreneauxSas recherche) =>
            recherche.ExecuterAsync(Requete(http), BaseUrl(http), UrlDemandee(http), http.RequestAborted));
        fhir.MapGet("/Practitioner", (HttpContext http, LireRessourcesSas lecture) =>
            lecture.RechercherPractitionersAsync(Requete(http), BaseUrl(http), UrlDemandee(http), http.RequestAborted));
        fhir.MapGet("/Schedule", (HttpContext http, LireRessourcesSas lecture) =>
            lecture.RechercherSchedulesAsync(Requete(http), BaseUrl(http), UrlDemandee(http), http.RequestAborted));
        fhir.MapGet("/{type}/{id}", (string type, string id, HttpContext http, LireRessourcesSas lecture) =>
            TypesLisibles.Contains(type)
                ? lecture.LireAsync(type, id, BaseUrl(http), http.RequestAborted)
                : Task.FromResult(TypeInconnu(type)));
        ComptesRegulateursSas.Mapper(fhir);
        fhir.MapFallback("/{**chemin}", (HttpContext http) =>
        {
            var type = http.Request.Path.Value!["/fhir/".Length..].Split('/')[0];
            return TypesLisibles.Contains(type) || type == "metadata"
                ? ReponsesFhir.Erreur(StatusCodes.Status405MethodNotAllowed, Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported,
                    $"Interaction {http.Request.Method} non prise en charge sur {http.Request.Path}.",
                    $"Interaction {http.Request.Method} is not supported on {http.Request.Path}.")
                : TypeInconnu(type);
        });
        return app;
    }

    private static IResult TypeInconnu(string type) =>
        ReponsesFhir.Erreur(StatusCodes.Status404NotFound, Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported,
            $"Type de ressource « {type} » non servi par ce serveur.", $"Resource type '{type}' is not served by this server.");

    private static RequeteFhir Requete(HttpContext http) => new(http.Request.QueryString.Value);

    /// <summary>The public address (OpenCpts:UrlPublique) when configured, else the one the request came to.</summary>
    public static string BaseUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<OptionsSas>>().Value.UrlPublique?.TrimEnd('/')
        ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static string UrlDemandee(HttpContext http) =>
        $"{BaseUrl(http)}{http.Request.Path}{http.Request.QueryString}";

    /// <summary>401/403 on /fhir as OperationOutcomes (the SAS reads FHIR, not ProblemDetails or a sign-in page).</summary>
    private sealed class AutorisationFhir : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _defaut = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (!context.Request.Path.StartsWithSegments("/fhir") || authorizeResult.Succeeded)
            {
                return _defaut.HandleAsync(next, context, policy, authorizeResult);
            }
            if (authorizeResult.Challenged)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return ReponsesFhir.EcrireAsync(context, ReponsesFhir.Issue(Hl7.Fhir.Model.OperationOutcome.IssueType.Login,
                    "Authentification requise : en-tête Authorization: Bearer <jeton d'API>.",
                    "Authentication required: Authorization: Bearer <API token> header."), StatusCodes.Status401Unauthorized);
            }
            return ReponsesFhir.EcrireAsync(context, ReponsesFhir.Issue(Hl7.Fhir.Model.OperationOutcome.IssueType.Forbidden,
                "Ce compte n'est pas autorisé à interroger l'interface SAS.", "This account may not query the SAS interface."),
                StatusCodes.Status403Forbidden);
        }
    }
}
