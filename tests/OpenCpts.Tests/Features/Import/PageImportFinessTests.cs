using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Import;

/// <summary>The FINESS upload page (<c>/import/finess</c>), with the official example's excerpt (two establishments, in
/// 01053 and 01004; see <see cref="ImportFinessTests"/>).</summary>
public partial class PageImportFinessTests
{
    private static readonly string Extrait = Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Fixtures", "finess-structures-extrait.json");

    [GeneratedRegex(@"suivi=([0-9a-f\-]{36})")]
    private static partial Regex Suivi();

    private static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string chemin, bool? toutImporter = null)
    {
        var jeton = await client.JetonAntiforgeryAsync("/import/finess");
        using var contenu = new MultipartFormDataContent();
        contenu.Add(new StringContent(jeton), "__RequestVerificationToken");
        var fichier = new ByteArrayContent(await File.ReadAllBytesAsync(chemin));
        fichier.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        contenu.Add(fichier, "Fichier", "finess-structures-journalier-20260309.json");
        if (toutImporter is { } tout)
        {
            contenu.Add(new StringContent(tout ? "true" : "false"), "ToutImporter");
        }
        return await client.PostAsync("/import/finess", contenu);
    }

    /// <summary>Follows the progress partial as htmx does until it stops polling; returns its last version.</summary>
    private static async Task<string> AttendreRapportAsync(HttpClient client, HttpResponseMessage envoi)
    {
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        var suivi = Suivi().Match(envoi.Headers.Location!.OriginalString).Groups[1].Value;
        string partiel;
        var attente = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            using var requete = new HttpRequestMessage(HttpMethod.Get, $"/import/finess?handler=Progression&suivi={suivi}");
            requete.Headers.Add("HX-Request", "true");
            var reponse = await client.SendAsync(requete);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            partiel = await reponse.TexteAsync();
        }
        while (partiel.Contains("hx-trigger", StringComparison.Ordinal) && DateTime.UtcNow < attente);
        Assert.DoesNotContain("hx-trigger", partiel);
        return partiel;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_coordinator_uploads_the_flux_and_sees_the_report(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053", "01004");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var rapport = await AttendreRapportAsync(client, await EnvoyerAsync(client, Extrait));

        Assert.Contains("data-compte=\"lues\">2<", rapport);
        Assert.Contains("data-compte=\"creees\">2<", rapport);
        Assert.Contains("data-compte=\"rejetees\">0<", rapport);
        Assert.Equal(["010780195", "010787190"], await app.AvecDbAsync(db => db.Structures.OrderBy(s => s.Finess).Select(s => s.Finess!).ToListAsync()));
        var id = await app.AvecDbAsync(db => db.RapportsImport.Where(r => r.Type == "FINESS").Select(r => r.Id).SingleAsync());
        Assert.Contains($"/import/rapports/{id}", await client.GetStringAsync("/import/finess"));
        var page = await client.PageAsync($"/import/rapports/{id}");
        Assert.Contains("finess-structures-journalier-20260309.json", page);
        Assert.Contains("href=\"/import/finess\"", page);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_territory_is_the_default_and_the_whole_file_is_an_option(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var territoire = await AttendreRapportAsync(client, await EnvoyerAsync(client, Extrait, toutImporter: false));
        var tout = await AttendreRapportAsync(client, await EnvoyerAsync(client, Extrait, toutImporter: true));

        Assert.Contains("data-compte=\"creees\">1<", territoire);
        Assert.Contains("data-compte=\"ignorees\">1<", territoire);
        Assert.Contains("data-compte=\"creees\">1<", tout);
        Assert.Contains("data-compte=\"inchangees\">1<", tout);
        Assert.Equal(2, await app.AvecDbAsync(db => db.Structures.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Uploading_a_wrong_file_shows_why_and_loses_nothing(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053");
        var existante = await app.AjouterStructureAsync("MAISON DE SANTE DES TROIS RIVIERES", finess: "010780195", telephone: "0248000001");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await EnvoyerAsync(client, EchantillonRpps.Chemin);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("Fichier refusé.", html);
        Assert.Contains("n'est pas un flux FINESS « Structures »", html);
        var structure = await app.AvecDbAsync(db => db.Structures.SingleAsync());
        Assert.Equal((existante, "MAISON DE SANTE DES TROIS RIVIERES", "0248000001"), (structure.Id, structure.Nom, structure.Telephone));
        Assert.False(await app.AvecDbAsync(db => db.RapportsImport.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_finess_upload_is_refused_to_every_other_role(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053", "01004");

        foreach (var role in Roles.Tous.Where(r => r != Roles.Coordination))
        {
            var client = await app.ClientConnecteAsync(role);
            using var contenu = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Extrait)), "Fichier", "finess.json" } };
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/import/finess", contenu)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/import/finess?handler=Progression&suivi=" + Guid.NewGuid())).StatusCode);
        }
        Assert.False(await app.AvecDbAsync(db => db.Structures.AnyAsync()));
        Assert.False(await app.AvecDbAsync(db => db.RapportsImport.AnyAsync()));
    }
}
