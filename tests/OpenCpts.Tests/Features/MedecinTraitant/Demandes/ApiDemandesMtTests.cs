using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant.Demandes;

public class ApiDemandesMtTests
{
    private static object Corps() => new
    {
        nom = "GIRARD",
        prenom = "Paul",
        dateNaissance = "1950-02-14",
        sexe = "M",
        telephone = "0639980077",
        communeInsee = "18033",
        criteres = new[] { "ALD", "PLUS_70" },
    };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Posting_a_request_answers_201_with_its_id_and_reference(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.Professionnel);

        var reponse = await client.PostAsJsonAsync("/api/medecin-traitant/demandes", Corps());

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        var d = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.SingleAsync());
        Assert.Equal(d.Id, json.GetProperty("id").GetInt64());
        Assert.Equal(d.Reference, json.GetProperty("reference").GetString());
        Assert.Equal(CriteresPriorite.Ald | CriteresPriorite.Plus70, d.Criteres);
        Assert.Equal(OriginesDemandeMt.Professionnel, d.Origine);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Bad_input_answers_400_naming_each_invalid_field_and_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.Regulation);

        var reponse = await client.PostAsJsonAsync("/api/medecin-traitant/demandes", new
        {
            nom = new string('x', 10_000),
            prenom = "<script>alert(1)</script>",
            dateNaissance = "2030-01-01",
            sexe = "Z",
            telephone = "123",
            communeInsee = "99999",
            criteres = new[] { "ALD", "VIP" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        var erreurs = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["communeInsee", "criteres", "dateNaissance", "nom", "prenom", "sexe", "telephone"],
            erreurs.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Missing_fields_are_each_named(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.Coordination);

        var reponse = await client.PostAsJsonAsync("/api/medecin-traitant/demandes", new { dateNaissance = "14/02/1950" });

        var erreurs = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["communeInsee", "dateNaissance", "nom", "prenom", "sexe", "telephone"],
            erreurs.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("AAAA-MM-JJ", erreurs.GetProperty("dateNaissance")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_list_is_for_the_Coordination_only_and_sorted_by_score(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        var faible = await app.AjouterDemandeAsync("PETIT", "Jean", new DateOnly(1985, 1, 1), CriteresPriorite.Aucun, maintenant.AddMonths(-2));
        var forte = await app.AjouterDemandeAsync("GRAND", "Lucie", new DateOnly(1940, 1, 1), CriteresPriorite.Ald | CriteresPriorite.Plus70);
        await app.AjouterDemandeAsync("PLACE", "Luc", new DateOnly(1970, 1, 1), statut: StatutsDemandeMt.Placee);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientApiAsync(Roles.Professionnel)).GetAsync("/api/medecin-traitant/demandes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientApiAsync(Roles.Regulation)).GetAsync("/api/medecin-traitant/demandes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/medecin-traitant/demandes")).StatusCode);
        var page = await (await app.ClientApiAsync(Roles.Coordination)).GetFromJsonAsync<JsonElement>("/api/medecin-traitant/demandes?statut=EnAttente");
        var json = page.GetProperty("items");

        Assert.Equal([forte.Reference, faible.Reference], json.EnumerateArray().Select(e => e.GetProperty("reference").GetString()));
        Assert.Equal(50, json[0].GetProperty("score").GetInt32());
        Assert.Equal(["ALD", "PLUS_70"], json[0].GetProperty("criteres").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(10, json[1].GetProperty("score").GetInt32());
        Assert.Equal(1, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Ressource == "ListeMedecinTraitant")));
    }
}
