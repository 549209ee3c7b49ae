using System.Net;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Infrastructure.Web;

public class TransportTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Forwarded_headers_count_only_when_a_known_proxy_sends_them(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, AdresseClient.Activer,
            parametres: new Dictionary<string, string?> { ["OpenCpts:ProxiesConnus"] = "10.0.0.0/8, 192.0.2.7" });
        var client = app.Client();

        HttpRequestMessage DepuisProxy(string proxy)
        {
            // The proxy talks plain HTTP to the platform and says the browser used HTTPS.
            var requete = new HttpRequestMessage(HttpMethod.Get, "http://localhost/compte/connexion").Depuis(proxy);
            requete.Headers.Add("X-Forwarded-Proto", "https");
            requete.Headers.Add("X-Forwarded-For", "198.51.100.20");
            return requete;
        }

        var inconnu = await client.SendAsync(DepuisProxy("203.0.113.5"));
        var reseauConnu = await client.SendAsync(DepuisProxy("10.20.30.40"));
        var adresseConnue = await client.SendAsync(DepuisProxy("192.0.2.7"));

        // Behind a proxy the platform redirects plain HTTP to HTTPS: the unknown machine's X-Forwarded-Proto was not believed.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, inconnu.StatusCode);
        Assert.Equal("https://localhost/compte/connexion", inconnu.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, reseauConnu.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adresseConnue.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Session_and_antiforgery_cookies_are_Secure_outside_Development(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = app.Client();

        var formulaire = await client.GetAsync("/compte/connexion");
        var connexion = await client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["Email"] = utilisateur.Email!,
            ["MotDePasse"] = OpenCptsApp.MotDePasse,
        });

        var cookies = formulaire.Headers.GetValues("Set-Cookie").Concat(connexion.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("opencpts=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/profil")).StatusCode);
    }
}
