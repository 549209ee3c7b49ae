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
}
