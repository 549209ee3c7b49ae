using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>/api and /fhir authenticate by bearer token only; /fhir wants the SAS platform's role.</summary>
public class BearerSeulementTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_session_cookie_gets_401_on_the_api_and_fhir_while_a_token_works(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var session = await app.ClientConnecteAsync(Roles.LectureInstitutionnelle);
        var plateforme = await app.ClientConnecteAsync(Roles.PlateformeSas);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/moi")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/fhir/Practitioner/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await plateforme.GetAsync("/fhir/Practitioner/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientApiAsync(Roles.LectureInstitutionnelle)).GetAsync("/api/moi")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_cross_site_text_plain_post_with_the_session_cookie_is_rejected(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        using var requete = new HttpRequestMessage(HttpMethod.Post, "/api/medecin-traitant/propositions")
        {
            Content = new StringContent("{}", Encoding.UTF8, "text/plain"),
        };
        requete.Headers.Add("Origin", "https://site-malveillant.invalid");

        var reponse = await coordination.SendAsync(requete);

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
        Assert.False(await app.AvecDbAsync(db => db.PropositionsAppariement.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Fhir_requires_the_SAS_platform_role(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var regulation = await (await app.ClientApiAsync(Roles.Regulation)).GetAsync("/fhir/Practitioner/1");
        var coordination = await (await app.ClientApiAsync(Roles.Coordination)).GetAsync("/fhir/Practitioner/1");
        var plateforme = await (await app.ClientApiAsync(Roles.PlateformeSas)).GetAsync("/fhir/Practitioner/1");

        Assert.Equal(HttpStatusCode.Forbidden, regulation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coordination.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plateforme.StatusCode); // authorised: no such practitioner
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_api_documentation_stays_public(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = app.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_SAS_platform_account_has_only_its_account_pages(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var plateforme = await app.ClientConnecteAsync(Roles.PlateformeSas);

        Assert.Equal(HttpStatusCode.OK, (await plateforme.GetAsync("/compte/profil")).StatusCode);
        var accueil = await plateforme.GetAsync("/");
        Assert.Equal(HttpStatusCode.Forbidden, accueil.StatusCode);
        Assert.Contains("Accès refusé", await accueil.TexteAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await plateforme.GetAsync("/annuaire")).StatusCode);
    }
}
