using System.Net;
using System.Text;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Annuaire;

public class ExporterProfessionnelsTests
{
    private const string Entete = "RPPS;Civilité;Nom;Prénom;Profession;Spécialité;Membre;Commune(s);Téléphone(s);Compétences";

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_export_is_excel_friendly_csv_with_escaped_fields(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var pro = new ProfessionnelBuilder("D'ARC;LEGRAND", "Jeanne").Docteur().MembreDe(cpts.Id)
            .ExerceA("18033", "Bourges", "0248000001").ExerceA("18205", "Saint-Doulchard", "0248000002")
            .Competence("Soins \"palliatifs\"")
            .Competence("=HYPERLINK(\"http://exemple.invalid\")");
        await app.AjouterAsync(pro);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.GetAsync("/annuaire/export.csv?q=darc");
        var octets = await reponse.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("annuaire-2026-11-23.csv", reponse.Content.Headers.ContentDisposition?.FileNameStar ?? reponse.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, octets[..3]);
        var lignes = Encoding.UTF8.GetString(octets, 3, octets.Length - 3).Split("\r\n");
        Assert.Equal(Entete, lignes[0]);
        Assert.Equal(
            $"{pro.Rpps};Dr;\"D'ARC;LEGRAND\";Jeanne;Médecin;Médecine générale (SM);oui;Bourges, Saint-Doulchard;0248000001, 0248000002;" +
            "\"'=HYPERLINK(\"\"http://exemple.invalid\"\"), Soins \"\"palliatifs\"\"\"",
            lignes[1]);
        Assert.Equal("", lignes[2]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_export_carries_the_filters_and_every_page(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync([
            .. Enumerable.Range(1, Pagination.TailleMax + 5).Select(i => new ProfessionnelBuilder($"INFIRMIER{i:D3}").Profession("60")),
            new ProfessionnelBuilder("MEDECIN")]);
        var client = await app.ClientConnecteAsync(Roles.Bureau);

        var csv = await client.GetStringAsync("/annuaire/export.csv?profession=60");

        var lignes = csv.TrimEnd().Split("\r\n");
        Assert.Equal(Pagination.TailleMax + 5 + 1, lignes.Length);
        Assert.DoesNotContain("MEDECIN", csv);
        Assert.Contains(";INFIRMIER001;", lignes[1]);
        Assert.Contains(";INFIRMIER205;", lignes[^1]);
    }

    [Theory]
    [InlineData("Dupont", "Dupont")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("dit \"Jo\"", "\"dit \"\"Jo\"\"\"")]
    [InlineData("ligne\nsuivante", "\"ligne\nsuivante\"")]
    [InlineData("=1;2", "\"'=1;2\"")]
    [InlineData("", "")]
    public void A_cell_is_quoted_when_needed_and_neutralised_when_it_looks_like_a_formula(string valeur, string attendu) =>
        Assert.Equal(attendu, ExporterProfessionnels.Cellule(valeur));
}
