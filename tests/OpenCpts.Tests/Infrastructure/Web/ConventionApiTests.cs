using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Tests.Infrastructure.Web;

/// <summary>One API convention: French paths by feature, every list paged the same way, an empty parameter absent.</summary>
public class ConventionApiTests
{
    /// <summary>Every list endpoint of the API, with the parameters it needs.</summary>
    private static readonly string[] Listes =
    [
        "/api/annuaire/professionnels", "/api/annuaire/structures", "/api/snp/creneaux", "/api/medecin-traitant/demandes",
        "/api/medecin-traitant/capacites", "/api/parcours/protocoles", "/api/audit?patientId=1",
    ];

    private static string Avec(string url, string parametres) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parametres;

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_list_answers_one_page_shape_and_refuses_a_page_size_over_the_one_maximum(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var api = await app.ClientApiAsync(Roles.Coordination);

        foreach (var liste in Listes)
        {
            var page = await api.GetAsync(Avec(liste, "page=2&pageSize=1"));
            var tropGrande = await api.GetAsync(Avec(liste, $"pageSize={PaginationApi.TailleMax + 1}"));
            var zero = await api.GetAsync(Avec(liste, "page=0"));

            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{liste}: {(int)page.StatusCode}");
            var json = await page.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(JsonValueKind.Array, json.GetProperty("items").ValueKind);
            Assert.Equal((2, 1), (json.GetProperty("page").GetInt32(), json.GetProperty("pageSize").GetInt32()));
            Assert.True(json.GetProperty("total").GetInt32() >= 0);
            Assert.Equal(HttpStatusCode.BadRequest, tropGrande.StatusCode);
            Assert.True((await tropGrande.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("pageSize", out _), liste);
            Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
            Assert.True((await zero.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("page", out _), liste);
        }
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_empty_query_parameter_is_treated_as_absent(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var api = await app.ClientApiAsync(Roles.Coordination);

        var protocoles = await api.GetAsync("/api/parcours/protocoles?statut=&profession=&page=&pageSize=");
        var demandes = await api.GetAsync("/api/medecin-traitant/demandes?statut=");
        var creneaux = await api.GetAsync("/api/snp/creneaux?from=&to=&type=");
        var inconnu = await api.GetAsync("/api/parcours/protocoles?statut=Perdu");

        Assert.Equal(HttpStatusCode.OK, protocoles.StatusCode);
        Assert.Equal(PaginationApi.TailleParDefaut, (await protocoles.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("pageSize").GetInt32());
        Assert.Equal(HttpStatusCode.OK, demandes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, creneaux.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inconnu.StatusCode);
    }

    [Fact]
    public async Task Every_api_path_starts_with_the_French_name_of_its_feature()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite);
        string[] prefixes = ["/api/moi", "/api/territoire", "/api/annuaire/", "/api/snp/", "/api/medecin-traitant/", "/api/parcours/", "/api/audit"];

        var openapi = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var chemins = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(chemins);
        Assert.All(chemins, c => Assert.True(prefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal)), $"{c} is outside the API's feature paths"));
    }
}
