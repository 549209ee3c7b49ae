using System.Net;
using System.Text.RegularExpressions;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Tests.Infrastructure.Web;

public partial class EntetesSecuriteTests
{
    private static async Task<HttpResponseMessage> HtmxAsync(HttpClient client, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, url);
        requete.Headers.Add("HX-Request", "true");
        return await client.SendAsync(requete);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_kind_of_response_carries_the_security_headers(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var bureau = await app.ClientConnecteAsync(Roles.Bureau);
        var api = await app.ClientApiAsync(Roles.Professionnel);
        var anonyme = app.Client();

        var reponses = new (string Genre, HttpResponseMessage Reponse, HttpStatusCode Attendu)[]
        {
            ("page", await anonyme.GetAsync("/compte/connexion"), HttpStatusCode.OK),
            ("partiel htmx", await HtmxAsync(coordination, "/annuaire?q=x"), HttpStatusCode.OK),
            ("API", await api.GetAsync("/api/moi"), HttpStatusCode.OK),
            ("API sans jeton", await anonyme.GetAsync("/api/moi"), HttpStatusCode.Unauthorized),
            ("page d'erreur", await bureau.GetAsync("/administration/securite"), HttpStatusCode.Forbidden),
            ("404", await coordination.GetAsync("/cette-page-n-existe-pas"), HttpStatusCode.NotFound),
            ("fichier statique", await anonyme.GetAsync("/css/site.css"), HttpStatusCode.OK),
            ("documentation de l'API", await anonyme.GetAsync("/api/docs/index.html"), HttpStatusCode.OK),
        };

        foreach (var (genre, reponse, attendu) in reponses)
        {
            Assert.True(attendu == reponse.StatusCode, $"{genre}: {(int)reponse.StatusCode}");
            Assert.Equal((genre, EntetesSecurite.PolitiqueContenu), (genre, Entete(reponse, "Content-Security-Policy")));
            Assert.Equal((genre, "DENY"), (genre, Entete(reponse, "X-Frame-Options")));
            Assert.Equal((genre, "nosniff"), (genre, Entete(reponse, "X-Content-Type-Options")));
            Assert.Equal((genre, "same-origin"), (genre, Entete(reponse, "Referrer-Policy")));
            Assert.Equal((genre, EntetesSecurite.PolitiqueFonctionnalites), (genre, Entete(reponse, "Permissions-Policy")));
        }
        Assert.DoesNotContain("<!DOCTYPE", await reponses[1].Reponse.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Api_answers_are_never_kept_in_a_cache(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var api = await app.ClientApiAsync(Roles.Coordination);

        foreach (var reponse in new[] { await api.GetAsync("/api/moi"), await app.Client().GetAsync("/api/moi"), await api.GetAsync("/api/annuaire/professionnels") })
        {
            Assert.True(reponse.Headers.CacheControl?.NoStore, $"{reponse.RequestMessage?.RequestUri}: {reponse.Headers.CacheControl}");
        }
    }

    [GeneratedRegex(@"<script\b(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnLigne();

    [GeneratedRegex(@"<[^>]+\s(on[a-z]+|hx-on[:\w-]*)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex GestionnaireEnLigne();

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task No_page_runs_an_inline_script_and_the_policy_forbids_them(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var anonyme = app.Client();

        var scripts = Regex.Match(EntetesSecurite.PolitiqueContenu, "script-src ([^;]*)").Groups[1].Value;
        Assert.Equal("'self'", scripts);
        var pages = new List<(string Url, HttpResponseMessage Reponse)>();
        foreach (var url in new[] { "/", "/territoire", "/annuaire", "/snp/suivi", "/snp/regulation", "/medecin-traitant", "/medecin-traitant/suivi",
            "/parcours", "/parcours/demandes/suivi", "/parcours/protocoles", "/compte/profil", "/administration/securite" })
        {
            pages.Add((url, await coordination.GetAsync(url)));
        }
        foreach (var url in new[] { "/compte/connexion", "/medecin-traitant/inscription", "/api/docs/index.html" })
        {
            pages.Add((url, await anonyme.GetAsync(url)));
        }

        foreach (var (url, reponse) in pages)
        {
            Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{url}: {(int)reponse.StatusCode}");
            var html = await reponse.Content.ReadAsStringAsync();
            Assert.True(!ScriptEnLigne().IsMatch(html), $"{url}: {ScriptEnLigne().Match(html).Value}");
            Assert.True(!GestionnaireEnLigne().IsMatch(html), $"{url}: {GestionnaireEnLigne().Match(html).Value}");
        }
    }

    private static string? Entete(HttpResponseMessage reponse, string nom) =>
        reponse.Headers.TryGetValues(nom, out var v) || reponse.Content.Headers.TryGetValues(nom, out v) ? string.Join(", ", v) : null;
}
