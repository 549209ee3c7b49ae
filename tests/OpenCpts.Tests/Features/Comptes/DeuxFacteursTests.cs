using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class DeuxFacteursTests
{
    /// <summary>Reads the key from the set-up page as a user types it, and enables 2FA with a code computed from it.</summary>
    internal static async Task<(string Cle, string PageActivee)> ActiverAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/compte/deux-facteurs")).TexteAsync();
        var cle = Html.ElementParId(page, "cle-authentificateur").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var reponse = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["Code"] = Totp.CodeActuel(cle) },
            action: "/compte/deux-facteurs?handler=Verifier");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return (cle, await reponse.TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_set_up_page_shows_a_QR_code_and_the_key_of_the_account(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var page = await (await client.GetAsync("/compte/deux-facteurs")).TexteAsync();

        var cleAffichee = Html.ElementParId(page, "cle-authentificateur");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", cleAffichee);
        var cle = await app.AvecServicesAsync(async sp =>
        {
            var um = sp.GetRequiredService<UserManager<Utilisateur>>();
            return await um.GetAuthenticatorKeyAsync((await um.FindByIdAsync(utilisateur.Id))!);
        });
        Assert.Equal(cle, cleAffichee.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        Assert.Contains($"otpauth://totp/OpenCPTS:{utilisateur.Email}?secret={cle}&issuer=OpenCPTS&digits=6", page);
        Assert.Contains("<svg", page);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_code_does_not_enable_two_factor_authentication(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        var page = await (await client.GetAsync("/compte/deux-facteurs")).TexteAsync();
        var cle = Html.ElementParId(page, "cle-authentificateur").Replace(" ", "", StringComparison.Ordinal);
        var faux = ((int.Parse(Totp.CodeActuel(cle), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        var reponse = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["Code"] = faux },
            action: "/compte/deux-facteurs?handler=Verifier");

        Assert.Contains("Code invalide", await reponse.TexteAsync());
        Assert.False(await app.AvecDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == utilisateur.Id)).TwoFactorEnabled));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Enabling_two_factor_shows_ten_recovery_codes_then_sign_in_requires_a_code(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var (cle, pageActivee) = await ActiverAsync(client);

        Assert.Contains("La double authentification est activée.", pageActivee);
        Assert.Equal(10, Regex.Count(Html.ElementParId(pageActivee, "codes-recuperation"), "<li"));
        // The session survives the security-stamp change.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/profil")).StatusCode);

        var autre = app.Client();
        var motDePasse = await autre.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = utilisateur.Email!, ["MotDePasse"] = OpenCptsApp.MotDePasse });
        Assert.Equal(HttpStatusCode.Redirect, motDePasse.StatusCode);
        Assert.StartsWith("/compte/connexion-2fa", motDePasse.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await autre.GetAsync("/compte/profil")).StatusCode);

        var code = await autre.PosterFormulaireAsync(motDePasse.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.CodeActuel(cle) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await autre.GetAsync("/compte/profil")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_recovery_code_signs_in_once(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var (_, pageActivee) = await ActiverAsync(await app.ConnecterAsync(utilisateur.Email!));
        var codeRecuperation = Regex.Match(Html.ElementParId(pageActivee, "codes-recuperation"), "<li[^>]*>([^<]+)</li>").Groups[1].Value.Trim();

        async Task<HttpResponseMessage> EssayerAsync()
        {
            var client = app.Client();
            var etape1 = await client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = utilisateur.Email!, ["MotDePasse"] = OpenCptsApp.MotDePasse });
            return await client.PosterFormulaireAsync(etape1.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = codeRecuperation });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await EssayerAsync()).StatusCode);
        Assert.Contains("Code invalide.", await (await EssayerAsync()).TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_user_can_disable_two_factor_when_his_role_does_not_require_it(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        await ActiverAsync(client);

        var reponse = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = OpenCptsApp.MotDePasse }, action: "/compte/deux-facteurs?handler=Desactiver");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.False(await app.AvecDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == utilisateur.Id)).TwoFactorEnabled));
        Assert.Contains("La double authentification est désactivée.", await (await client.GetAsync("/compte/deux-facteurs")).TexteAsync());
    }

    private static Task<HttpResponseMessage> ExigerAsync(HttpClient coordination, params string[] roles) =>
        coordination.PosterFormulaireAsync("/administration/securite",
            roles.Select((r, i) => (r, i)).ToDictionary(x => $"rolesExigeant[{x.i}]", x => x.r),
            action: "/administration/securite?handler=DeuxFacteurs");

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_requires_two_factor_per_role(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await ExigerAsync(coordination, Roles.Regulation, Roles.Bureau);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var exigees = await app.AvecDbAsync(db => db.ExigencesDeuxFacteurs.Where(e => e.Exigee).Select(e => e.Role).OrderBy(r => r).ToListAsync());
        Assert.Equal([Roles.Bureau, Roles.Regulation], exigees);
        var page = await (await coordination.GetAsync("/administration/securite")).Content.ReadAsStringAsync();
        Assert.Matches($"value=\"{Roles.Regulation}\" id=\"exiger-{Roles.Regulation}\" checked", page);
        Assert.DoesNotMatch($"value=\"{Roles.Coordination}\" id=\"exiger-{Roles.Coordination}\" checked", page);

        await ExigerAsync(coordination, Roles.Bureau);
        Assert.False(await app.AvecDbAsync(db => db.ExigencesDeuxFacteurs.AnyAsync(e => e.Role == Roles.Regulation && e.Exigee)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_role_that_requires_two_factor_is_sent_to_the_set_up_page_and_its_tokens_get_403(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await ExigerAsync(await app.ClientConnecteAsync(Roles.Coordination), Roles.Regulation);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        var jeton = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(utilisateur.Id, "intégration"));
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.Valeur);

        var appelApi = await api.GetAsync("/api/moi");
        var accueil = await client.GetAsync("/");
        var configuration = await client.GetAsync("/compte/deux-facteurs");

        Assert.Equal(HttpStatusCode.Redirect, accueil.StatusCode);
        Assert.Equal("/compte/deux-facteurs", accueil.Headers.Location?.OriginalString);
        Assert.Contains("Votre rôle exige la double authentification", await configuration.TexteAsync());
        Assert.Equal(HttpStatusCode.Forbidden, appelApi.StatusCode);
        Assert.Equal("application/problem+json", appelApi.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Authentification à deux facteurs requise", (await appelApi.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);

        await ActiverAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        // Enrolment changed the security stamp, which retired the earlier token: a new one works.
        var nouveau = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(utilisateur.Id, "intégration"));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", nouveau.Valeur);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/moi")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Two_factor_cannot_be_disabled_when_the_role_requires_it(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await ExigerAsync(await app.ClientConnecteAsync(Roles.Coordination), Roles.Professionnel);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        await ActiverAsync(client);

        var reponse = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = OpenCptsApp.MotDePasse }, action: "/compte/deux-facteurs?handler=Desactiver");

        Assert.Contains("Impossible de désactiver la double authentification : votre rôle (Professionnel) l'exige.", await reponse.TexteAsync());
        Assert.True(await app.AvecDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == utilisateur.Id)).TwoFactorEnabled));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task New_recovery_codes_replace_the_old_ones(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        var (_, pageActivee) = await ActiverAsync(client);
        var anciens = Html.ElementParId(pageActivee, "codes-recuperation");

        var reponse = await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = OpenCptsApp.MotDePasse }, action: "/compte/deux-facteurs?handler=Codes");

        var nouveaux = Html.ElementParId(await reponse.TexteAsync(), "codes-recuperation");
        Assert.Equal(10, Regex.Count(nouveaux, "<li"));
        Assert.NotEqual(anciens, nouveaux);
    }
}
