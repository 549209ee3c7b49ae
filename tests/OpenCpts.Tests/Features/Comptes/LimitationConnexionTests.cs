using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.Tests.Features.Comptes;

public class LimitationConnexionTests
{
    private static Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, int parAdresse, int parCompte) =>
        OpenCptsApp.DemarrerAsync(fournisseur, parametres: new Dictionary<string, string?>
        {
            ["OpenCpts:Connexion:TentativesParAdresse"] = parAdresse.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenCpts:Connexion:TentativesParCompte"] = parCompte.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenCpts:Connexion:FenetreMinutes"] = "15",
        });

    private static Task<HttpResponseMessage> SeConnecterAsync(HttpClient client, string email) =>
        client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = email, ["MotDePasse"] = "Mauvais-Mot-2026!" });

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Many_accounts_tried_from_one_address_get_429_until_the_window_is_over(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur, parAdresse: 3, parCompte: 100);
        var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SeConnecterAsync(client, $"compte{i}@test.invalid")).StatusCode);
        }

        var limitee = await SeConnecterAsync(client, "compte4@test.invalid");

        Assert.Equal(HttpStatusCode.TooManyRequests, limitee.StatusCode);
        Assert.Contains("Trop de demandes", await limitee.TexteAsync());
        Assert.Equal(TimeSpan.FromMinutes(15), limitee.Headers.RetryAfter?.Delta);
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Refus" && e.Ressource == "Connexion" && e.Detail!.Contains("429"))));

        app.Horloge.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.OK, (await SeConnecterAsync(client, "compte5@test.invalid")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task One_account_tried_too_often_gets_429_while_other_accounts_still_sign_in(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur, parAdresse: 100, parCompte: 2);
        var client = app.Client();
        await SeConnecterAsync(client, "cible@test.invalid");
        await SeConnecterAsync(client, "Cible@Test.invalid ");

        var limitee = await SeConnecterAsync(client, "CIBLE@test.invalid");
        var autre = await SeConnecterAsync(client, "autre@test.invalid");

        Assert.Equal(HttpStatusCode.TooManyRequests, limitee.StatusCode);
        Assert.Equal(HttpStatusCode.OK, autre.StatusCode);
        app.Horloge.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await SeConnecterAsync(client, "cible@test.invalid")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_two_factor_post_is_limited_per_account(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur, parAdresse: 100, parCompte: 2);
        var utilisateur = await app.CreerUtilisateurAsync(OpenCpts.Web.Features.Comptes.Roles.Bureau);
        await DeuxFacteursTests.ActiverAsync(await app.ConnecterAsync(utilisateur.Email!));
        var client = app.Client();
        var etape1 = await client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = utilisateur.Email!, ["MotDePasse"] = OpenCptsApp.MotDePasse });
        var page2fa = etape1.Headers.Location!.OriginalString;

        await client.PosterFormulaireAsync(page2fa, new Dictionary<string, string> { ["Code"] = "000000" });
        await client.PosterFormulaireAsync(page2fa, new Dictionary<string, string> { ["Code"] = "000001" });
        var limitee = await client.PosterFormulaireAsync(page2fa, new Dictionary<string, string> { ["Code"] = "000002" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limitee.StatusCode);
    }
}
