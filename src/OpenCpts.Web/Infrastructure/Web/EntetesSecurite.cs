namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>
/// The security headers of every answer (page, htmx partial, API, FHIR, error page, static file, 429…). They are set
/// when the response starts rather than when the request comes in, because the exception handler and the status-code
/// pages clear the headers of the response they replace.
/// </summary>
public static class EntetesSecurite
{
    /// <summary>
    /// Scripts only from files of the platform (no inline script, no eval: htmx runs with <c>allowEval</c> off). Inline
    /// <c>style</c> attributes stay allowed: pages use a few for layout, and a style cannot run code.
    /// </summary>
    public const string PolitiqueContenu =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Browser features the platform never uses.</summary>
    public const string PolitiqueFonctionnalites =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()";

    /// <summary>The middleware (placed first by <see cref="Pipeline"/>).</summary>
    public static Task AjouterAsync(HttpContext http, RequestDelegate suivant)
    {
        http.Response.OnStarting(() =>
        {
            var entetes = http.Response.Headers;
            entetes.ContentSecurityPolicy = PolitiqueContenu;
            entetes.XFrameOptions = "DENY";
            entetes.XContentTypeOptions = "nosniff";
            entetes["Referrer-Policy"] = "same-origin";
            entetes["Permissions-Policy"] = PolitiqueFonctionnalites;
            entetes["Cross-Origin-Opener-Policy"] = "same-origin";
            // API and FHIR answers carry identities: no copy in a browser or proxy cache.
            if (Features.Comptes.Comptes.EstApi(http.Request))
            {
                entetes.CacheControl = "no-store";
                entetes.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return suivant(http);
    }
}
