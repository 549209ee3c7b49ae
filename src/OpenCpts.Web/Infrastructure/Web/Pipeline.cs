using Microsoft.AspNetCore.Diagnostics;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Features.Sas;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>
/// The middleware pipeline, whole and in order: the only place that calls <c>app.Use…</c>. Features map endpoints
/// and pages only; a feature that needs a middleware exposes it and is placed here.
/// </summary>
public static class Pipeline
{
    /// <summary>
    /// Order, outermost first:
    /// 1. security headers (set when the response starts, so error pages and 429s carry them too);
    /// 2. transport: forwarded headers from known proxies, HTTPS redirection behind a proxy, HSTS, Secure cookies;
    /// 3. errors, outside Development: an exception answers ProblemDetails on /api, an OperationOutcome on /fhir
    ///    (the <see cref="IExceptionHandler"/>s), the French page elsewhere; then an empty error status gets the same;
    /// 4. French culture; the API documentation UI (package files, before routing);
    /// 5. empty query parameters of /api dropped (absent, the API convention), routing, authentication, the request's CPTS (which binds every query to it), audit of refusals, authorization;
    /// 6. after authorization, as they need the user and the endpoint: the sign-in rate limits (the application's only
    ///    rate limiter, which also applies the endpoints' policies), mandatory 2FA, the SAS machine account kept off
    ///    the pages, mutual TLS of /fhir when configured;
    /// 7. the endpoints (added last by the host).
    /// </summary>
    public static WebApplication UsePipeline(this WebApplication app)
    {
        app.Use(EntetesSecurite.AjouterAsync);

        app.UseForwardedHeaders();
        var derriereProxy = Transport.DerriereProxy(app.Configuration);
        if (derriereProxy)
        {
            // The proxy's health probe may speak plain HTTP to the platform: it is not redirected.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/healthz"), b => b.UseHttpsRedirection());
        }
        if (derriereProxy || !app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // Every cookie (session, antiforgery, 2FA, TempData) gets the Secure flag outside Development.
        app.UseCookiePolicy();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/erreur/500",
                // Logged even when an IExceptionHandler writes the answer (.NET 10 would keep quiet about those).
                SuppressDiagnosticsCallback = _ => false,
            });
        }
        app.UseStatusCodePages(Erreurs.PageDeStatutAsync);

        app.UseRequestLocalization();
        // The API documentation is public (it holds no data) and served from the package, not a CDN.
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "OpenCPTS API v1");
            o.RoutePrefix = "api/docs";
            o.DocumentTitle = "OpenCPTS — API";
        });

        app.Use(ParametresVidesApi.RetirerAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.Use(CptsDeLaRequete.ResoudreAsync);
        app.UseMiddleware<Audit.JournalRefusMiddleware>();
        app.UseAuthorization();

        app.Use(LimitationConnexion.NoterCompteAsync);
        app.UseRateLimiter();
        app.UseMiddleware<DeuxFacteursObligatoireMiddleware>();
        app.UseMiddleware<PlateformeSansPagesMiddleware>();
        if (MtlsSas.Actif(app.Services))
        {
            app.UseWhen(http => http.Request.Path.StartsWithSegments("/fhir"), b => b.Use(MtlsSas.VerifierAsync));
        }
        return app;
    }
}
