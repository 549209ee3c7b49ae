using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>An open session alone cannot disable 2FA, regenerate recovery codes or create a token.</summary>
public class ReauthentificationTests
{
    private const string Refus = "Confirmez votre identité : le mot de passe actuel ou le code de votre application est incorrect.";

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Creating_a_token_requires_the_current_password(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Bureau);

        var faux = await client.PosterFormulaireAsync("/compte/profil",
            new Dictionary<string, string> { ["Jeton.Nom"] = "Tableur", ["Jeton.Verification"] = "Mauvais-Mot-2026!" }, action: "/compte/profil?handler=Jeton");

        Assert.Contains(Refus, await faux.TexteAsync());
        Assert.False(await app.AvecDbAsync(db => db.JetonsApi.AnyAsync()));
        var bon = await client.PosterFormulaireAsync("/compte/profil",
            new Dictionary<string, string> { ["Jeton.Nom"] = "Tableur", ["Jeton.Verification"] = OpenCptsApp.MotDePasse }, action: "/compte/profil?handler=Jeton");
        Assert.Contains("il ne sera plus jamais affiché", await bon.TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Disabling_two_factor_requires_the_password_or_a_code(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        var (cle, _) = await DeuxFacteursTests.ActiverAsync(client);

        var sans = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string>(), action: "/compte/deux-facteurs?handler=Desactiver");

        Assert.Contains(Refus, await sans.TexteAsync());
        Assert.True(await app.AvecDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == utilisateur.Id)).TwoFactorEnabled));
        var avecCode = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = Totp.CodeActuel(cle) },
            action: "/compte/deux-facteurs?handler=Desactiver");
        Assert.Equal(HttpStatusCode.Redirect, avecCode.StatusCode);
        Assert.False(await app.AvecDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == utilisateur.Id)).TwoFactorEnabled));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Regenerating_recovery_codes_requires_re_authentication(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Bureau);
        await DeuxFacteursTests.ActiverAsync(client);

        var reponse = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = "Mauvais-Mot-2026!" },
            action: "/compte/deux-facteurs?handler=Codes");

        var html = await reponse.TexteAsync();
        Assert.Contains(Refus, html);
        Assert.DoesNotContain("codes-recuperation", html);
    }
}
