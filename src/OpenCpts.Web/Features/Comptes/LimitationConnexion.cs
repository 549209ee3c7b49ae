using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Comptes;

/// <summary><c>OpenCpts:Connexion</c>: throttling of the sign-in and 2FA posts (every attempt counts, success or not).</summary>
public sealed class OptionsConnexion
{
    /// <summary>Attempts per client address and window (IPv6 grouped by /64): many accounts tried from one place.</summary>
    [Range(1, int.MaxValue)]
    public int TentativesParAdresse { get; set; } = 30;
    /// <summary>Attempts per account name (normalised e-mail; the pending user for the 2FA post) and window.</summary>
    [Range(1, int.MaxValue)]
    public int TentativesParCompte { get; set; } = 10;
    [Range(1, 24 * 60)]
    public int FenetreMinutes { get; set; } = 15;
}

/// <summary>
/// ASP.NET Core's rate limiter on <c>POST /compte/connexion</c> and <c>POST /compte/connexion-2fa</c>, with two
/// chained partitions: the client address and the account name. Over the limit: 429, Retry-After, the French error
/// page (ProblemDetails under /api), and an audit row. The lockout after 5 failures protects one account; this slows
/// down an address that tries many accounts.
/// </summary>
public static class LimitationConnexion
{
    private const string CleCompte = "opencpts:compte-connexion";

    // The anonymous posts that check a secret or send a mail: the same per-address and per-account limits as signing in.
    private static readonly string[] Chemins = ["/compte/connexion", "/compte/connexion-2fa", "/compte/mot-de-passe-oublie", "/compte/reinitialiser"];

    public static IServiceCollection AddLimitationConnexion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsValidees<OptionsConnexion>("OpenCpts:Connexion");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => EstTentative(ctx)
                    ? Partition(ctx, "adresse:" + LimitationDebit.CleAdresse(ctx.Connection.RemoteIpAddress), o => o.TentativesParAdresse)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => EstTentative(ctx) && ctx.Items[CleCompte] is string compte
                    ? Partition(ctx, "compte:" + compte, o => o.TentativesParCompte)
                    : RateLimitPartition.GetNoLimiter("")));
        });
        // OnRejected is one delegate for the whole application: ours answers for the sign-in posts, any other
        // feature's for its own endpoints.
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var autre = o.OnRejected;
            o.OnRejected = async (rejet, ct) =>
            {
                var http = rejet.HttpContext;
                if (rejet.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delai))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(delai.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                if (!EstTentative(http))
                {
                    if (autre is not null)
                    {
                        await autre(rejet, ct);
                    }
                    return;
                }
                await http.RequestServices.GetRequiredService<JournalAudit>().EnregistrerAsync("Refus", "Connexion",
                    http.Items[CleCompte] as string ?? "", "Connexion limitée : trop de tentatives (429)", ct);
                // The body is left empty: the status-code pages render the French page (or a ProblemDetails on /api).
            };
        });
        return services;
    }

    /// <summary>Middleware placed by <see cref="Infrastructure.Web.Pipeline"/> after routing and authentication, just
    /// before the rate limiter: reads the account name the partitions need.</summary>
    public static async Task NoterCompteAsync(HttpContext ctx, RequestDelegate suivant)
    {
        if (EstTentative(ctx))
        {
            ctx.Items[CleCompte] = await CompteAsync(ctx);
        }
        await suivant(ctx);
    }

    private static bool EstTentative(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method)
        && Chemins.Contains(ctx.Request.Path.Value?.TrimEnd('/') ?? "", StringComparer.OrdinalIgnoreCase);

    private static async Task<string?> CompteAsync(HttpContext ctx)
    {
        if (ctx.Request.Path.Value!.TrimEnd('/').EndsWith("-2fa", StringComparison.OrdinalIgnoreCase))
        {
            // The account is the one whose password was just checked (Identity's two-factor cookie).
            var attente = await ctx.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return attente.Principal?.FindFirstValue(ClaimTypes.Name) is { } id ? "id:" + id : null;
        }
        if (!ctx.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            var email = (await ctx.Request.ReadFormAsync(ctx.RequestAborted))["Email"].ToString().Trim();
            return email.Length == 0 ? null : email.ToUpperInvariant();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static RateLimitPartition<string> Partition(HttpContext ctx, string cle, Func<OptionsConnexion, int> permis)
    {
        var options = ctx.RequestServices.GetRequiredService<IOptions<OptionsConnexion>>().Value;
        var horloge = ctx.RequestServices.GetRequiredService<TimeProvider>();
        return LimitationDebit.Partition(cle, permis(options), TimeSpan.FromMinutes(options.FenetreMinutes), horloge);
    }
}
