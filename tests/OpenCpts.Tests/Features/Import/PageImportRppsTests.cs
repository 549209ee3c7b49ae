using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Import;

public partial class PageImportRppsTests
{
    [GeneratedRegex(@"suivi=([0-9a-f\-]{36})")]
    private static partial Regex Suivi();

    private static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string chemin, bool toutImporter = false)
    {
        var jeton = await client.JetonAntiforgeryAsync("/import/rpps");
        using var contenu = new MultipartFormDataContent();
        contenu.Add(new StringContent(jeton), "__RequestVerificationToken");
        var fichier = new ByteArrayContent(await File.ReadAllBytesAsync(chemin));
        fichier.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        contenu.Add(fichier, "Fichier", "PS_LibreAcces_Personne_activite_202611230000.txt");
        if (toutImporter)
        {
            contenu.Add(new StringContent("true"), "ToutImporter");
        }
        return await client.PostAsync("/import/rpps", contenu);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_coordinator_uploads_the_extraction_and_sees_the_report(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var envoi = await EnvoyerAsync(client, EchantillonRpps.Chemin);

        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        var suivi = Suivi().Match(envoi.Headers.Location!.OriginalString).Groups[1].Value;
        string partiel;
        var attente = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            using var requete = new HttpRequestMessage(HttpMethod.Get, $"/import/rpps?handler=Progression&suivi={suivi}");
            requete.Headers.Add("HX-Request", "true");
            var reponse = await client.SendAsync(requete);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            partiel = await reponse.Content.ReadAsStringAsync();
        }
        while (partiel.Contains("hx-trigger", StringComparison.Ordinal) && DateTime.UtcNow < attente);

        Assert.DoesNotContain("hx-trigger", partiel);
        Assert.True(partiel.Contains("data-compte=\"lues\">65<", StringComparison.Ordinal), partiel);
        Assert.Contains("data-compte=\"creees\">65<", partiel);
        Assert.Contains("data-compte=\"rejetees\">0<", partiel);
        Assert.Equal(64, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
        var id = await app.AvecDbAsync(db => db.RapportsImport.Select(r => r.Id).SingleAsync());
        Assert.Contains($"/import/rapports/{id}", await client.GetStringAsync("/import/rpps"));
        Assert.Contains("PS_LibreAcces_Personne_activite_202611230000.txt", await client.GetStringAsync($"/import/rapports/{id}"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Uploading_a_wrong_file_shows_the_missing_columns_and_writes_nothing(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var chemin = EchantillonRpps.Ecrire(["code_insee;nom;departement", "18033;Bourges;18"]);

        var reponse = await EnvoyerAsync(client, chemin);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Fichier refusé.", html);
        Assert.Contains("Colonnes manquantes : Type d'identifiant PP", html);
        Assert.Equal(0, await app.AvecDbAsync(db => db.RapportsImport.CountAsync()));
        File.Delete(chemin);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_import_pages_are_forbidden_to_regulation(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/import/rpps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/import/rapports/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/import/rpps", new MultipartFormDataContent())).StatusCode);
    }
}
