using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>
/// How errors answer: ProblemDetails (RFC 7807) under /api, the FHIR feature's OperationOutcome under /fhir, the
/// French error page (<c>/erreur/{code}</c>) elsewhere. Never a stack trace outside Development.
/// </summary>
public static class Erreurs
{
    /// <summary>The path that failed: when an <see cref="IExceptionHandler"/> runs, the request already points at the
    /// error page (<c>/erreur/500</c>).</summary>
    public static PathString CheminEnErreur(HttpContext http) =>
        http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;

    /// <summary>Status-code pages: an error status with an empty body gets a ProblemDetails under /api and /fhir,
    /// the French page, rendered in place with the same status, elsewhere.</summary>
    public static async Task PageDeStatutAsync(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        if (Features.Comptes.Comptes.EstApi(http.Request) || http.Response.ContentLength > 0 || http.Response.ContentType is not null)
        {
            if (Features.Comptes.Comptes.EstApi(http.Request) && http.Response.ContentType is null)
            {
                await Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
            }
            return;
        }
        var original = http.Request.Path;
        http.Request.Path = $"/erreur/{http.Response.StatusCode}";
        try
        {
            http.SetEndpoint(null);
            http.Request.RouteValues.Clear();
            await ctx.Next(http);
        }
        finally
        {
            http.Request.Path = original;
        }
    }
}

/// <summary>An unhandled exception under /api: a 500 ProblemDetails with the trace id, nothing of the exception.</summary>
public sealed class ErreurApi(IProblemDetailsService problemes) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Erreurs.CheminEnErreur(httpContext).StartsWithSegments("/api"))
        {
            return ValueTask.FromResult(false);
        }
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return problemes.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError },
        });
    }
}
