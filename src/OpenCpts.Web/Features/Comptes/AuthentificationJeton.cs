using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>Authenticates <c>Authorization: Bearer TOKEN</c> with a personal API token.</summary>
public sealed class AuthentificationJeton(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    JetonsApi jetons,
    UserManager<Utilisateur> utilisateurs,
    IUserClaimsPrincipalFactory<Utilisateur> fabrique,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Schema = "JetonApi";
    /// <summary>Authentication method (RFC 8176 "amr"): "pwd"/"mfa" for a session, "jeton" for a token.</summary>
    public const string RevendicationMethode = "amr";
    /// <summary>The id of the API token that authenticated the call, for the audit.</summary>
    public const string RevendicationJeton = "jeton_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var entete = Request.Headers.Authorization.ToString();
        if (!entete.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var valeur = entete["Bearer ".Length..].Trim();
        // Validity is checked on every call (one query), so that a revoked, expired or stale token fails at once.
        // A platform such as the SAS calls several times a second: the user, his roles and claims are read once
        // per JetonsApi.DureeCache for a given security stamp.
        var jeton = await jetons.ValiderAsync(valeur, Context.RequestAborted);
        if (jeton is null)
        {
            return AuthenticateResult.Fail("Jeton d'API invalide, expiré ou révoqué.");
        }
        var cle = JetonsApi.CleCache(valeur, jeton.TamponSecurite);
        if (!cache.TryGetValue(cle, out Claim[]? revendications) || revendications is null)
        {
            var utilisateur = await utilisateurs.FindByIdAsync(jeton.UtilisateurId);
            if (utilisateur is null)
            {
                return AuthenticateResult.Fail("Jeton d'API invalide, expiré ou révoqué.");
            }
            var principal = await fabrique.CreateAsync(utilisateur);
            revendications = [.. principal.Claims.Where(c => c.Type != RevendicationMethode), new Claim(RevendicationMethode, "jeton"),
                new Claim(RevendicationJeton, jeton.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            cache.Set(cle, revendications, JetonsApi.DureeCache);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(revendications, Schema)), Schema));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
