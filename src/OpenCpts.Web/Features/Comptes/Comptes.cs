using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>The caller of <c>GET /api/moi</c>.</summary>
/// <param name="Email">Adresse e-mail du compte.</param>
/// <param name="Nom">Nom affiché.</param>
/// <param name="Roles">Rôles : Coordination, Regulation, Professionnel, Bureau, LectureInstitutionnelle, Etablissement.</param>
/// <param name="ProfessionnelId">Fiche de l'annuaire d'un compte Professionnel.</param>
public sealed record Moi(string Email, string Nom, IReadOnlyList<string> Roles, int? ProfessionnelId);

public static class Comptes
{
    /// <summary>Policy: any signed-in user of the platform (every page but the sign-in pages).</summary>
    public const string PolitiqueConnecte = "Connecte";
    /// <summary>Policy: the Coordination administers the CPTS.</summary>
    public const string PolitiqueCoordination = "Coordination";
    /// <summary>Policy: reading the directory (every role but institutional readers, who see indicators only).</summary>
    public const string PolitiqueAnnuaire = "Annuaire";

    public static IServiceCollection AddComptes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<Utilisateur, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<OpenCptsDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ErreursIdentiteFr>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            o.Cookie.Name = "opencpts";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnValidatePrincipal = SessionsValides.ValiderAsync;
            // A forbidden page answers 403 in place (never a redirect that could be mistaken for success);
            // APIs answer 401 rather than redirecting to the sign-in page.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (EstApi(ctx.Request))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "OpenCpts";
                o.DefaultChallengeScheme = "OpenCpts";
                o.DefaultAuthenticateScheme = "OpenCpts";
                o.DefaultForbidScheme = "OpenCpts";
            })
            // /api and /fhir know only bearer tokens: a browser's session cookie is not even read there, so a page
            // of another site cannot make the browser call the API on the user's behalf (CSRF through text/plain posts).
            .AddPolicyScheme("OpenCpts", "Cookie ou jeton", o => o.ForwardDefaultSelector = ctx =>
                EstApi(ctx.Request) || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthentificationJeton.Schema
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AuthentificationJeton>(AuthentificationJeton.Schema, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueConnecte, p => p.RequireAuthenticatedUser())
            .AddPolicy(PolitiqueCoordination, p => p.RequireRole(Roles.Coordination))
            .AddPolicy(PolitiqueAnnuaire, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Bureau))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddMemoryCache();
        services.AddOptionsValidees<OptionsApi>("OpenCpts:Api");
        services.AddLimitationConnexion(configuration);
        services.AddScoped<JetonsApi>();
        services.AddScoped<DeuxFacteursObligatoire>();
        services.AddScoped<Administration.CreerCompte>();
        services.AddScoped<Administration.ListerComptes>();
        services.AddScoped<Administration.ExigerDeuxFacteurs>();
        services.AddScoped<Administration.DeverrouillerCompte>();
        services.AddScoped<Rattachement.RattacherCompte>();
        services.AddScoped<LiensCompte>();
        services.AddScoped<Invitations.InviterCompte>();
        services.AddScoped<Invitations.RenvoyerInvitation>();
        services.AddScoped<Invitations.AnnulerInvitation>();
        services.AddScoped<Invitations.AccepterInvitation>();
        services.AddScoped<Invitations.InviterMembres>();
        services.AddScoped<Invitations.ListerInvitations>();
        services.AddScoped<MotDePasse.DemanderReinitialisation>();
        services.AddScoped<MotDePasse.Reinitialiser>();
        services.AddScoped<Email.ChangerEmail>();
        services.AddScoped<Administration.ChangerRoleCompte>();
        services.AddScoped<Administration.DesactiverCompte>();
        services.AddScoped<Administration.ReactiverCompte>();
        // Reset and address-change links are short-lived (and die with the security stamp).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = MotDePasse.DemanderReinitialisation.Validite);
        return services;
    }

    public static WebApplication MapComptes(this WebApplication app)
    {
        app.MapGet("/api/moi", MoiAsync)
            .RequireAuthorization(PolitiqueConnecte)
            .WithName("Moi")
            .WithTags("Comptes")
            .WithSummary("Le compte authentifié")
            .WithDescription("Adresse e-mail, nom et rôles du compte qui appelle (jeton d'API ou session). Permet à une intégration de vérifier son jeton.")
            .Produces<Moi>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<Moi>, UnauthorizedHttpResult>> MoiAsync(ClaimsPrincipal principal, UserManager<Utilisateur> utilisateurs)
    {
        var utilisateur = await utilisateurs.GetUserAsync(principal);
        if (utilisateur is null)
        {
            return TypedResults.Unauthorized();
        }
        var roles = await utilisateurs.GetRolesAsync(utilisateur);
        return TypedResults.Ok(new Moi(utilisateur.Email ?? "", utilisateur.NomAffiche, [.. roles.Order(StringComparer.Ordinal)], utilisateur.ProfessionnelId));
    }

    /// <summary>The paths that authenticate by bearer token only (the API documentation is elsewhere: /api/docs is
    /// served before routing and /openapi is public).</summary>
    internal static bool EstApi(HttpRequest requete) =>
        requete.Path.StartsWithSegments("/api") || requete.Path.StartsWithSegments("/fhir");
}
