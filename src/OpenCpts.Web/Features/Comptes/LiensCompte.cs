using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>
/// The e-mails of an account's life (invitation, password reset, address change): absolute links, and a subject that
/// marks them so that the development outbox page, read by the regulation desk, never shows their secret links.
/// </summary>
public sealed class LiensCompte(IConfiguration configuration, IHttpContextAccessor http, IEnvoiMessage envoi)
{
    /// <summary>Every account e-mail's subject starts with it.</summary>
    public const string PrefixeSujet = "[OpenCPTS] ";

    /// <summary>
    /// <c>OpenCpts:UrlPublique</c> when set (production: a forged Host header must not decide where a password link
    /// points), else the address of the current request.
    /// </summary>
    public string Absolu(string chemin)
    {
        var racine = configuration["OpenCpts:UrlPublique"] is { Length: > 0 } configuree ? configuree
            : http.HttpContext is { } ctx ? $"{ctx.Request.Scheme}://{ctx.Request.Host}"
            : "http://localhost:5000";
        return racine.TrimEnd('/') + chemin;
    }

    /// <summary>Sends an account e-mail; false when it could not be handed over (the caller says so).</summary>
    public Task<bool> EnvoyerAsync(string email, string sujet, string texte, CancellationToken ct = default) =>
        envoi.EnvoyerAsync(new Message(CanauxMessage.Email, email, PrefixeSujet + sujet, texte), ct);
}
