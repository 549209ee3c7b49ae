using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Annuaire;

public class AnnuaireApiTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_professionals_search_answers_a_json_page(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        await app.AjouterAsync([
            .. Enumerable.Range(1, 5).Select(i => new ProfessionnelBuilder($"KINE{i}").Profession("70").ExerceA("18033", "Bourges")),
            new ProfessionnelBuilder("AILLEURS").Profession("70").ExerceA("18141", "Mehun-sur-Yèvre"),
            new ProfessionnelBuilder("KINEMEMBRE").Profession("70").ExerceA("18033", "Bourges", "0248000009").Competence("Rééducation périnéale").MembreDe(cpts.Id)]);
        var client = await app.ClientApiAsync(Roles.Regulation);

        var reponse = await client.GetAsync("/api/annuaire/professionnels?q=kine&profession=70&commune=18033&page=2&pageSize=4");
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(6, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("page").GetInt32());
        Assert.Equal(4, json.GetProperty("pageSize").GetInt32());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["KINE5", "KINEMEMBRE"], items.Select(i => i.GetProperty("nom").GetString()));
        var membre = items[1];
        Assert.Equal("Masseur-Kinésithérapeute", membre.GetProperty("profession").GetString());
        Assert.True(membre.GetProperty("membre").GetBoolean());
        Assert.Equal("Bourges", membre.GetProperty("communes")[0].GetString());
        Assert.Equal("0248000009", membre.GetProperty("telephones")[0].GetString());
        Assert.Equal("Rééducation périnéale", membre.GetProperty("competences")[0].GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_page_size_above_200_is_a_validation_problem(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.Coordination);

        var reponse = await client.GetAsync("/api/annuaire/professionnels?pageSize=201");
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.True(json.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/annuaire/structures?page=0")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_professional_detail_has_sites_and_skills(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var msp = await app.AjouterStructureAsync("MSP des Marronniers");
        var pro = new ProfessionnelBuilder("DETAIL", "Anne").Femme().ExerceA("18033", "Bourges", "0248000003", structureId: msp).Competence("ETP asthme");
        await app.AjouterAsync(pro);
        var client = await app.ClientApiAsync(Roles.Professionnel);

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/annuaire/professionnels/{pro.Rpps}");

        Assert.Equal(pro.Rpps, json.GetProperty("rpps").GetString());
        Assert.False(json.TryGetProperty("id", out _));
        var activite = json.GetProperty("activites")[0];
        Assert.Equal("Libéral, indépendant, artisan, commerçant", activite.GetProperty("mode").GetString());
        Assert.Equal("MSP des Marronniers", activite.GetProperty("nomStructure").GetString());
        Assert.Equal("ETP asthme", json.GetProperty("competences")[0].GetProperty("libelle").GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_unknown_rpps_is_a_404_problem(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.Coordination);

        var reponse = await client.GetAsync("/api/annuaire/professionnels/19999999999");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/annuaire/structures/999999")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_structures_search_and_detail(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var ehpad = await app.AjouterStructureAsync("EHPAD Les Glycines", "500", "180000777", codeCommune: "18205", libelleCommune: "Saint-Doulchard");
        await app.AjouterStructureAsync("Pharmacie des Glycines", "620");
        await app.AjouterAsync(new ProfessionnelBuilder("COORDONNATEUR").ExerceA("18205", "Saint-Doulchard", structureId: ehpad));
        var client = await app.ClientApiAsync(Roles.Bureau);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/annuaire/structures?q=glycines&categorie=500");
        var parFiness = await client.GetFromJsonAsync<JsonElement>("/api/annuaire/structures?q=180000777");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/annuaire/structures/{ehpad}");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("EHPAD Les Glycines", page.GetProperty("items")[0].GetProperty("nom").GetString());
        Assert.Equal(ehpad, parFiness.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal("COORDONNATEUR", detail.GetProperty("professionnels")[0].GetProperty("nom").GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_authentication_the_api_answers_401(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var reponse = await app.Client().GetAsync("/api/annuaire/professionnels");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_api_refuses_the_session_cookie(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.GetAsync("/api/annuaire/professionnels");

        // Bearer tokens only: a browser session must not be usable by another site's page.
        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Institutional_readers_get_403_from_the_directory_api(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.LectureInstitutionnelle);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/annuaire/professionnels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/annuaire/structures")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_directory_endpoints_are_documented_in_openapi(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var json = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var chemins = json.GetProperty("paths");
        Assert.True(chemins.TryGetProperty("/api/annuaire/professionnels", out var recherche));
        Assert.True(chemins.TryGetProperty("/api/annuaire/professionnels/{rpps}", out _));
        Assert.True(chemins.TryGetProperty("/api/annuaire/structures", out _));
        Assert.True(chemins.TryGetProperty("/api/annuaire/structures/{id}", out _));
        Assert.Equal("Annuaire", recherche.GetProperty("get").GetProperty("tags")[0].GetString());
        Assert.False(chemins.TryGetProperty("/annuaire/export.csv", out _));
    }
}
