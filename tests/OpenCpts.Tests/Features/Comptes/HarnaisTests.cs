using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class HarnaisTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_fresh_platform_has_the_communes_reference_and_answers_healthz(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        Assert.Equal(34_969, await app.AvecDbAsync(db => db.Communes.CountAsync()));
        var reponse = await app.Client().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var reponse = await app.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/compte/connexion", reponse.Headers.Location?.PathAndQuery ?? reponse.Headers.Location?.OriginalString);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_signed_in_coordinator_sees_the_dashboard(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var html = await client.GetStringAsync("/");

        Assert.Contains("CPTS de test", html);
        Assert.Contains("64", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_anonymous_api_call_gets_401(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var reponse = await app.Client().GetAsync("/api/rien");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_sign_in_page_loads_its_stylesheet_and_scripts_without_an_account(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = app.Client();

        foreach (var ressource in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/lib/htmx/htmx.min.js", "/css/site.css" })
        {
            // As a browser asks: compressed variants must be found too, not answered with an empty body.
            using var requete = new HttpRequestMessage(HttpMethod.Get, ressource);
            requete.Headers.Add("Accept-Encoding", "gzip, br");
            var reponse = await client.SendAsync(requete);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            Assert.NotEmpty(await reponse.Content.ReadAsByteArrayAsync());
        }
    }
}
