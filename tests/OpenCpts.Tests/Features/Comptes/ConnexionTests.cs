using System.Net;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class ConnexionTests
{
    private static Task<HttpResponseMessage> SeConnecterAsync(HttpClient client, string email, string motDePasse) =>
        client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = email, ["MotDePasse"] = motDePasse });

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Signing_in_with_the_right_password_opens_a_session(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = app.Client();

        var reponse = await SeConnecterAsync(client, utilisateur.Email!, OpenCptsApp.MotDePasse);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/", reponse.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/profil")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_password_is_refused_with_a_French_message(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = app.Client();

        var reponse = await SeConnecterAsync(client, utilisateur.Email!, "Mauvais-Mot-De-Passe-1");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await reponse.TexteAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/compte/profil")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_unknown_address_gets_the_same_message_as_a_wrong_password(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var reponse = await SeConnecterAsync(app.Client(), "personne@test.invalid", OpenCptsApp.MotDePasse);

        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await reponse.TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Five_failures_lock_the_account_for_15_minutes_even_against_the_right_password_with_the_same_message(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var client = app.Client();

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await (await SeConnecterAsync(client, utilisateur.Email!, "Faux-" + i)).TexteAsync());
        }
        var cinquieme = await SeConnecterAsync(client, utilisateur.Email!, "Faux-5");
        var avecLeBon = await SeConnecterAsync(client, utilisateur.Email!, OpenCptsApp.MotDePasse);

        // A locked account is not revealed: the same message as a wrong password.
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await cinquieme.TexteAsync());
        Assert.Equal(HttpStatusCode.OK, avecLeBon.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await avecLeBon.TexteAsync());
        Assert.DoesNotContain("verrouillé", await avecLeBon.TexteAsync());
        // Identity computes the lockout end with the real clock.
        var fin = await app.AvecDbAsync(async db => (await db.Users.FindAsync(utilisateur.Id))!.LockoutEnd);
        Assert.NotNull(fin);
        Assert.InRange(fin.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_can_unlock_a_locked_account(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await SeConnecterAsync(client, utilisateur.Email!, "Faux-" + i);
        }
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var page = await (await coordination.GetAsync("/administration/securite")).TexteAsync();
        Assert.Contains("Verrouillé jusqu'au", page);

        var reponse = await coordination.PosterFormulaireAsync("/administration/securite", new Dictionary<string, string>(),
            action: $"/administration/securite?handler=Deverrouiller&id={utilisateur.Id}");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("Le compte est déverrouillé.", await (await coordination.GetAsync("/administration/securite")).TexteAsync());
        await app.ConnecterAsync(utilisateur.Email!);
    }
}
