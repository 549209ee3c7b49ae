using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>
/// Whether a user must set up two-factor authentication because of one of his roles. A role without a choice of
/// the Coordination (no <see cref="ExigenceDeuxFacteurs"/> row) follows the default: required for the roles that
/// see patient identities (<see cref="Roles.VoientDesPatients"/>) unless <c>OpenCpts:Securite:DeuxFacteursParDefaut</c>
/// is false; that setting defaults to true everywhere but in Development.
/// </summary>
public sealed class DeuxFacteursObligatoire(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, IMemoryCache cache, IConfiguration configuration, IHostEnvironment environnement)
{
    private const string CleCache = "exigences-deux-facteurs";

    private bool ParDefaut => configuration.GetValue<bool?>("OpenCpts:Securite:DeuxFacteursParDefaut") ?? !environnement.IsDevelopment();

    /// <summary>True when one of the user's roles requires 2FA and he has not enabled it yet.</summary>
    public async Task<bool> ExigeePourAsync(ClaimsPrincipal principal)
    {
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if ((await RolesExigeantAsync(roles)).Count == 0)
        {
            return false;
        }
        var utilisateur = await utilisateurs.GetUserAsync(principal);
        return utilisateur is not null && !await utilisateurs.GetTwoFactorEnabledAsync(utilisateur);
    }

    /// <summary>Those of the given roles for which the Coordination requires 2FA.</summary>
    public async Task<IReadOnlyList<string>> RolesExigeantAsync(IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        if (roles.Count == 0)
        {
            return [];
        }
        var exigees = await TousRolesExigeantAsync(ct);
        return [.. roles.Where(exigees.Contains)];
    }

    /// <summary>Every role for which 2FA is required, the Coordination's choices applied over the default.</summary>
    public async Task<IReadOnlySet<string>> TousRolesExigeantAsync(CancellationToken ct = default)
    {
        // Read on every request: kept in memory a few seconds, and dropped when the Coordination changes it here.
        var exigees = await cache.GetOrCreateAsync(CleCache, async entree =>
        {
            entree.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            var choix = await db.ExigencesDeuxFacteurs.ToDictionaryAsync(e => e.Role, e => e.Exigee, StringComparer.Ordinal, ct);
            return Roles.Tous.Where(r => choix.TryGetValue(r, out var exigee) ? exigee : ParDefaut && Roles.VoientDesPatients.Contains(r))
                .ToHashSet(StringComparer.Ordinal);
        });
        return exigees!;
    }

    /// <summary>To call after the requirements changed.</summary>
    public static void Oublier(IMemoryCache cache) => cache.Remove(CleCache);
}

/// <summary>
/// Sends a signed-in user whose role requires 2FA, and who has not set it up, to the set-up page
/// before anything else; APIs answer 403 with a ProblemDetails instead.
/// </summary>
public sealed class DeuxFacteursObligatoireMiddleware(RequestDelegate suivant)
{
    public const string PageConfiguration = "/compte/deux-facteurs";

    public async Task InvokeAsync(HttpContext ctx, DeuxFacteursObligatoire regle)
    {
        var chemin = ctx.Request.Path;
        // The account pages (set-up, profile, sign-out) and the error pages re-executed by the
        // status-code pages must stay reachable, or the user could never comply.
        if (ctx.User.Identity?.IsAuthenticated != true
            || chemin.StartsWithSegments("/compte")
            || chemin.StartsWithSegments("/erreur")
            || chemin.StartsWithSegments("/lib")
            || chemin.StartsWithSegments("/css")
            || chemin.StartsWithSegments("/healthz")
            || !await regle.ExigeePourAsync(ctx.User))
        {
            await suivant(ctx);
            return;
        }
        if (Comptes.EstApi(ctx.Request))
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            await ctx.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 403,
                Title = "Authentification à deux facteurs requise",
                Detail = "Votre rôle exige l'authentification à deux facteurs : activez-la depuis votre profil.",
            }, options: null, contentType: "application/problem+json");
            return;
        }
        ctx.Response.Redirect(PageConfiguration);
    }
}

/// <summary>
/// The SAS platform's account (<see cref="Roles.PlateformeSas"/>) is a machine: it calls /fhir with its token. On the
/// web pages it has only its own account pages (profile, 2FA, sign-out), to manage its tokens; every other page
/// answers 403, unless the account also holds a role of the CPTS.
/// </summary>
public sealed class PlateformeSansPagesMiddleware(RequestDelegate suivant)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        var utilisateur = ctx.User;
        if (utilisateur.Identity?.IsAuthenticated == true
            && utilisateur.IsInRole(Roles.PlateformeSas)
            && !Roles.Tous.Any(r => r != Roles.PlateformeSas && utilisateur.IsInRole(r))
            && ctx.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
            && !ctx.Request.Path.StartsWithSegments("/compte")
            && !ctx.Request.Path.StartsWithSegments("/erreur"))
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return suivant(ctx);
    }
}
