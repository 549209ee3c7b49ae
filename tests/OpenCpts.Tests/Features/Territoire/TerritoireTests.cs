using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Tests.Features.Territoire;

public partial class TerritoireTests
{
    private const string Bourges = "18033";          // 64 186 inhabitants in the reference
    private const string SaintDoulchard = "18205";   // 9 647
    private const string Vierzon = "18279";

    private static readonly Dictionary<string, string> Rien = [];

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Territory_page_shows_total_population_and_ACI_size_class(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges, SaintDoulchard);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var html = await client.GetStringAsync("/territoire");

        Assert.Equal(Affichage.Nombre(73_833), Indicateur(html, "population"));
        Assert.Equal("2", Indicateur(html, "taille"));
        Assert.Equal("2", Indicateur(html, "communes"));
        Assert.Contains("Saint-Doulchard", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Institutional_readers_see_the_territory_indicators(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        await AjouterProfessionnelAsync(app, "10000000001", "60", membre: true, Bourges);
        var client = await app.ClientConnecteAsync(Roles.LectureInstitutionnelle);

        var reponse = await client.GetAsync("/territoire");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Equal("1", Indicateur(html, "professionnels"));
        Assert.DoesNotContain("TESTNOM", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Professionals_count_once_per_profession_and_once_in_each_commune_of_activity(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges, SaintDoulchard);
        await AjouterProfessionnelAsync(app, "10000000001", "60", membre: true, Bourges, SaintDoulchard, Bourges);
        await AjouterProfessionnelAsync(app, "10000000002", "60", membre: false, SaintDoulchard);
        await AjouterProfessionnelAsync(app, "10000000003", "10", membre: true, Bourges);
        await AjouterProfessionnelAsync(app, "10000000004", "10", membre: false, Vierzon);
        var client = await app.ClientApiAsync(Roles.Regulation);

        var territoire = await client.GetFromJsonAsync<TerritoireApi>("/api/territoire");

        Assert.NotNull(territoire);
        Assert.Equal(3, territoire.Professionnels);
        var infirmiers = Assert.Single(territoire.ParProfession, p => p.Code == "60");
        Assert.Equal((2, 1, "Infirmier"), (infirmiers.Professionnels, infirmiers.Membres, infirmiers.Libelle));
        Assert.Equal(1, Assert.Single(territoire.ParProfession, p => p.Code == "10").Professionnels);
        Assert.Equal(2, territoire.Communes.Single(c => c.Code == Bourges).Professionnels);
        Assert.Equal(2, territoire.Communes.Single(c => c.Code == SaintDoulchard).Professionnels);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Api_territory_returns_the_communes_population_and_size_class(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges, SaintDoulchard);
        var client = await app.ClientApiAsync(Roles.Professionnel);

        var reponse = await client.GetAsync("/api/territoire");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/json", reponse.Content.Headers.ContentType?.MediaType);
        var territoire = await reponse.Content.ReadFromJsonAsync<TerritoireApi>();
        Assert.NotNull(territoire);
        Assert.Equal("CPTS de test", territoire.Cpts);
        Assert.Equal(73_833, territoire.Population);
        Assert.Equal(2, territoire.TailleAci);
        var bourges = territoire.Communes[0];
        Assert.Equal((Bourges, "Bourges", 64_186), (bourges.Code, bourges.Nom, bourges.Population));
        Assert.Equal(["18000"], bourges.CodesPostaux);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Api_territory_refuses_anonymous_callers(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);

        var reponse = await app.Client().GetAsync("/api/territoire");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Coordinator_finds_a_commune_by_name_then_adds_it(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var resultats = await GetHtmxAsync(client, "/territoire/communes/recherche?q=VIERZ");
        Assert.Contains($"name=\"codeInsee\" value=\"{Vierzon}\"", resultats);
        Assert.Contains("Cher (18)", resultats);

        var reponse = await client.PosterHtmxAsync("/territoire/communes", "/territoire/communes/ajouter", new Dictionary<string, string> { ["codeInsee"] = Vierzon });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Vierzon (18279) a été ajoutée au territoire.", html);
        Assert.Equal(Affichage.Nombre(64_186 + 25_068), Indicateur(html, "population"));
        Assert.True(await app.AvecDbAsync(db => db.CommunesTerritoire.AnyAsync(t => t.CodeInsee == Vierzon)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Search_is_accent_insensitive_and_accepts_a_postcode(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var parNom = await GetHtmxAsync(client, "/territoire/communes/recherche?q=mehun%20sur%20yevre");
        var parCodePostal = await GetHtmxAsync(client, "/territoire/communes/recherche?q=18570");
        var dejaLa = await GetHtmxAsync(client, "/territoire/communes/recherche?q=18000");

        Assert.Contains("value=\"18141\"", parNom);
        Assert.Contains("value=\"18267\"", parCodePostal); // Trouy
        Assert.Contains("value=\"18050\"", parCodePostal); // La Chapelle-Saint-Ursin
        Assert.Contains("Déjà dans le territoire", WebUtility.HtmlDecode(dejaLa));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Adding_a_commune_twice_reports_it_is_already_there(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.PosterFormulaireAsync("/territoire/communes", new Dictionary<string, string> { ["codeInsee"] = Bourges }, action: "/territoire/communes/ajouter");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Bourges (18033) fait déjà partie du territoire.", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.AvecDbAsync(db => db.CommunesTerritoire.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Adding_an_unknown_INSEE_code_gives_a_clear_message(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.PosterFormulaireAsync("/territoire/communes", new Dictionary<string, string> { ["codeInsee"] = "99999" }, action: "/territoire/communes/ajouter");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Commune introuvable : aucune commune n'a le code INSEE « 99999 ».", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.AvecDbAsync(db => db.CommunesTerritoire.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Coordinator_removes_a_commune_and_sees_the_new_totals(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges, SaintDoulchard);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.PosterHtmxAsync("/territoire/communes", "/territoire/communes/retirer", new Dictionary<string, string> { ["codeInsee"] = SaintDoulchard });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Saint-Doulchard (18205) a été retirée du territoire.", html);
        Assert.Equal(Affichage.Nombre(64_186), Indicateur(html, "population"));
        Assert.Equal([Bourges], await app.AvecDbAsync(db => db.CommunesTerritoire.Select(t => t.CodeInsee).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Removing_a_commune_outside_the_territory_says_so(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.PosterHtmxAsync("/territoire/communes", "/territoire/communes/retirer", new Dictionary<string, string> { ["codeInsee"] = Vierzon });

        Assert.Contains("La commune « 18279 » ne fait pas partie du territoire.", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(Fournisseur.Sqlite, Roles.Regulation)]
    [InlineData(Fournisseur.Sqlite, Roles.Professionnel)]
    [InlineData(Fournisseur.Postgres, Roles.Regulation)]
    [InlineData(Fournisseur.Postgres, Roles.Professionnel)]
    public async Task Only_the_coordination_can_change_the_communes(Fournisseur fournisseur, string role)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(Bourges);
        var client = await app.ClientConnecteAsync(role);

        var page = await client.GetAsync("/territoire/communes");
        var ajout = await client.PosterFormulaireAsync("/territoire", new Dictionary<string, string> { ["codeInsee"] = Vierzon }, action: "/territoire/communes/ajouter");
        var retrait = await client.PosterFormulaireAsync("/territoire", new Dictionary<string, string> { ["codeInsee"] = Bourges }, action: "/territoire/communes/retirer");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ajout.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retrait.StatusCode);
        Assert.Equal([Bourges], await app.AvecDbAsync(db => db.CommunesTerritoire.Select(t => t.CodeInsee).ToListAsync()));
    }

    private static async Task<string> GetHtmxAsync(HttpClient client, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, url);
        requete.Headers.Add("HX-Request", "true");
        var reponse = await client.SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        return html;
    }

    private static string Indicateur(string html, string nom)
    {
        var m = Regex.Match(html, $"data-indicateur=\"{nom}\">([^<]*)<");
        Assert.True(m.Success, $"indicator {nom} not found");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static Task AjouterProfessionnelAsync(OpenCptsApp app, string rpps, string profession, bool membre, params string[] communes) =>
        app.AvecDbAsync(async db =>
        {
            var cptsId = await db.Cpts.Select(c => c.Id).FirstAsync();
            var p = new Professionnel
            {
                Rpps = rpps,
                IdentifiantNational = "8" + rpps,
                Nom = "TESTNOM",
                Prenom = "Alix",
                NomRecherche = "testnom alix",
                CodeProfession = profession,
            };
            for (var i = 0; i < communes.Length; i++)
            {
                p.Activites.Add(new ActiviteProfessionnelle { IdentifiantSite = $"C{rpps}{i:00}", CodeCommune = communes[i] });
            }
            if (membre)
            {
                p.Adhesions.Add(new Adhesion { CptsId = cptsId, DepuisLe = new DateOnly(2025, 1, 1) });
            }
            db.Professionnels.Add(p);
            await db.SaveChangesAsync();
        });
}
