using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

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
            .AddPolicyScheme("OpenCpts", "Cookie ou jeton", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthentificationJeton.Schema
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AuthentificationJeton>(AuthentificationJeton.Schema, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueConnecte, p => p.RequireAuthenticatedUser())
            .AddPolicy(PolitiqueCoordination, p => p.RequireRole(Roles.Coordination))
            .AddPolicy(PolitiqueAnnuaire, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Bureau))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddScoped<JetonsApi>();
        services.AddScoped<DeuxFacteursObligatoire>();
        return services;
    }

    public static WebApplication MapComptes(this WebApplication app)
    {
        app.UseMiddleware<DeuxFacteursObligatoireMiddleware>();
        return app;
    }

    internal static bool EstApi(HttpRequest requete) =>
        requete.Path.StartsWithSegments("/api") || requete.Path.StartsWithSegments("/fhir");
}
