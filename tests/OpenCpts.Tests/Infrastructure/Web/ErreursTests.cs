using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Infrastructure.Web;

/// <summary>Outside Development ("Testing" here) an unhandled exception answers in the language of its surface.</summary>
public class ErreursTests
{
    /// <summary>A failure inside the pipeline on every path ending in /test-erreur, whatever it maps to (an endpoint, a
    /// fallback or nothing): the authorization step runs for all of them.</summary>
    private sealed class PanneSurTestErreur : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _defaut = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
            context.Request.Path.Value!.EndsWith("/test-erreur", StringComparison.Ordinal)
                ? throw new InvalidOperationException("Panne de test : détail interne à ne pas montrer")
                : _defaut.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Starts the platform with the failure above and asks <paramref name="chemin"/> anonymously.</summary>
    private static async Task<(OpenCptsApp App, HttpResponseMessage Reponse, string Corps)> EnPanneAsync(Fournisseur fournisseur, string chemin)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur, s => s.AddSingleton<IAuthorizationMiddlewareResultHandler, PanneSurTestErreur>());
        var reponse = await app.Client().GetAsync(chemin, TestContext.Current.CancellationToken);
        var corps = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, reponse.StatusCode);
        Assert.DoesNotContain("Panne de test", corps, StringComparison.Ordinal);
        return (app, reponse, corps);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task On_the_api_an_exception_and_an_unknown_route_answer_ProblemDetails(Fournisseur fournisseur)
    {
        var (app, reponse, corps) = await EnPanneAsync(fournisseur, "/api/test-erreur");
        await using var _ = app;
        var inconnue = await (await app.ClientApiAsync(Roles.Coordination)).GetAsync("/api/route-inconnue", TestContext.Current.CancellationToken);

        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        using var probleme = JsonDocument.Parse(corps);
        Assert.Equal(500, probleme.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(probleme.RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("InvalidOperationException", corps, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, inconnue.StatusCode);
        Assert.Equal("application/problem+json", inconnue.Content.Headers.ContentType?.MediaType);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task On_fhir_an_exception_answers_an_OperationOutcome(Fournisseur fournisseur)
    {
        var (app, reponse, corps) = await EnPanneAsync(fournisseur, "/fhir/test-erreur");
        await using var _ = app;

        Assert.Equal("application/fhir+json", reponse.Content.Headers.ContentType?.MediaType);
        using var resultat = JsonDocument.Parse(corps);
        Assert.Equal("OperationOutcome", resultat.RootElement.GetProperty("resourceType").GetString());
        var issue = resultat.RootElement.GetProperty("issue")[0];
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal("exception", issue.GetProperty("code").GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Elsewhere_an_exception_answers_the_French_error_page(Fournisseur fournisseur)
    {
        var (app, reponse, corps) = await EnPanneAsync(fournisseur, "/test-erreur");
        await using var _ = app;

        Assert.Equal("text/html", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Une erreur est survenue", corps, StringComparison.Ordinal);
    }
}
