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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var entete = Request.Headers.Authorization.ToString();
        if (!entete.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var valeur = entete["Bearer ".Length..].Trim();
        // A platform such as the SAS calls several times a second with the same token: the user, his roles and
        // claims are read once per JetonsApi.DureeCache, not on every call.
        var cle = JetonsApi.CleCache(valeur);
        if (!cache.TryGetValue(cle, out Claim[]? revendications) || revendications is null)
        {
            var utilisateurId = await jetons.ValiderAsync(valeur, Context.RequestAborted);
            var utilisateur = utilisateurId is null ? null : await utilisateurs.FindByIdAsync(utilisateurId);
            if (utilisateur is null || await utilisateurs.IsLockedOutAsync(utilisateur))
            {
                return AuthenticateResult.Fail("Jeton d'API invalide ou révoqué.");
            }
            var principal = await fabrique.CreateAsync(utilisateur);
            revendications = [.. principal.Claims, new Claim("amr", "jeton")];
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
