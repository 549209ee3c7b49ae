using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class JetonsApiTests
{
    private static async Task<string> CreerSurLeProfilAsync(HttpClient client, string nom)
    {
        var reponse = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string> { ["Jeton.Nom"] = nom, ["Jeton.Verification"] = OpenCptsApp.MotDePasse }, action: "/compte/profil?handler=Jeton");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("il ne sera plus jamais affiché", html);
        return Html.ElementParId(html, "jeton-nouveau");
    }

    private static HttpClient AvecJeton(OpenCptsApp app, string jeton)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
        return client;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_token_created_on_the_profile_page_authenticates_api_calls(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        var jeton = await CreerSurLeProfilAsync(await app.ConnecterAsync(utilisateur.Email!), "Logiciel de régulation");

        var reponse = await AvecJeton(app, jeton).GetAsync("/api/moi");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var moi = await reponse.Content.ReadFromJsonAsync<Moi>();
        Assert.Equal(utilisateur.Email, moi!.Email);
        Assert.Equal([Roles.Regulation], moi.Roles);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_profile_lists_tokens_by_prefix_with_their_last_use_never_their_value(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Bureau);
        var jeton = await CreerSurLeProfilAsync(client, "Tableur du bureau");
        await AvecJeton(app, jeton).GetAsync("/api/moi");

        var html = await (await client.GetAsync("/compte/profil")).TexteAsync();

        Assert.Contains("Tableur du bureau", html);
        Assert.Contains(jeton[..12] + "…", html);
        Assert.DoesNotContain(jeton, html);
        Assert.Contains("23/11/2026 10:00", html); // created and used at the harness clock, shown in Paris time
        Assert.DoesNotContain("jamais", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_revoked_token_no_longer_authenticates(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        var jeton = await CreerSurLeProfilAsync(client, "Agenda");
        var id = await app.AvecDbAsync(db => db.JetonsApi.Where(j => j.UtilisateurId == utilisateur.Id).Select(j => j.Id).SingleAsync());

        var revocation = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>(), action: $"/compte/profil?handler=Revoquer&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, revocation.StatusCode);
        var reponse = await AvecJeton(app, jeton).GetAsync("/api/moi");
        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Révoqué le", await (await client.GetAsync("/compte/profil")).TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Revoking_with_htmx_returns_the_updated_token_list(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        await CreerSurLeProfilAsync(client, "Agenda");
        var id = await app.AvecDbAsync(db => db.JetonsApi.Where(j => j.UtilisateurId == utilisateur.Id).Select(j => j.Id).SingleAsync());

        var reponse = await client.PosterHtmxAsync("/compte/profil", $"/compte/profil?handler=Revoquer&id={id}", new Dictionary<string, string>());

        var html = await reponse.TexteAsync();
        Assert.StartsWith("<section id=\"jetons\"", html.Trim());
        Assert.Contains("Révoqué le", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_user_cannot_revoke_the_token_of_another_user(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var proprietaire = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var jeton = await CreerSurLeProfilAsync(await app.ConnecterAsync(proprietaire.Email!), "Agenda");
        var id = await app.AvecDbAsync(db => db.JetonsApi.Where(j => j.UtilisateurId == proprietaire.Id).Select(j => j.Id).SingleAsync());
        var autre = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await autre.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>(), action: $"/compte/profil?handler=Revoquer&id={id}");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AvecJeton(app, jeton).GetAsync("/api/moi")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Tokens_are_stored_hashed(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var jeton = await CreerSurLeProfilAsync(await app.ConnecterAsync(utilisateur.Email!), "Export");

        var stocke = await app.AvecDbAsync(db => db.JetonsApi.AsNoTracking().SingleAsync(j => j.UtilisateurId == utilisateur.Id));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jeton))), stocke.Empreinte);
        Assert.DoesNotContain(jeton, new[] { stocke.Nom, stocke.Prefixe, stocke.Empreinte, stocke.UtilisateurId });
        Assert.True(jeton.StartsWith(stocke.Prefixe, StringComparison.Ordinal) && stocke.Prefixe.Length < jeton.Length / 2);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_token_name_is_required_and_at_most_100_characters(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Bureau);

        var vide = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string> { ["Jeton.Nom"] = " " }, action: "/compte/profil?handler=Jeton");
        var long101 = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string> { ["Jeton.Nom"] = new string('x', 101) }, action: "/compte/profil?handler=Jeton");

        Assert.Contains("Le nom du jeton est obligatoire.", await vide.TexteAsync());
        Assert.Contains("Le nom du jeton ne doit pas dépasser 100 caractères.", await long101.TexteAsync());
        Assert.Equal(0, await app.AvecDbAsync(db => db.JetonsApi.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_token_create_command_prints_a_working_token_once(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.LectureInstitutionnelle);
        using var sortie = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeJeton.CreerAsync(sp, ["--user", utilisateur.Email!, "--name", "Tableau ARS"], sortie, TextWriter.Null));

        Assert.Equal(0, code);
        var jetons = Html.JetonApi().Matches(sortie.ToString());
        Assert.Single(jetons);
        Assert.Equal(HttpStatusCode.OK, (await AvecJeton(app, jetons[0].Value).GetAsync("/api/moi")).StatusCode);
        Assert.Equal("Tableau ARS", await app.AvecDbAsync(db => db.JetonsApi.Select(j => j.Nom).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_token_create_command_fails_for_an_unknown_account(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        using var erreurs = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeJeton.CreerAsync(sp, ["--user", "personne@test.invalid", "--name", "x"], TextWriter.Null, erreurs));

        Assert.Equal(1, code);
        Assert.Contains("Aucun compte avec l'adresse personne@test.invalid.", erreurs.ToString());
    }
}
