using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;

namespace OpenCpts.Tests.Features.Annuaire;

public class RechercherProfessionnelsTests
{
    private static Task<ResultatsRecherche<ProfessionnelTrouve>> RechercherAsync(OpenCptsApp app, FiltreProfessionnels filtre) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<RechercherProfessionnels>().ExecuteAsync(filtre));

    private static string[] Noms(ResultatsRecherche<ProfessionnelTrouve> r) => [.. r.Elements.Select(p => p.Nom)];

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Search_is_accent_insensitive_and_ignores_apostrophes_and_hyphens(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(new ProfessionnelBuilder("D'ALÈNE-ÉTIÉVANT", "Hélène"), new ProfessionnelBuilder("DALBERT", "Hugo"));

        var r = await RechercherAsync(app, new FiltreProfessionnels { Texte = "dalene etievant" });

        Assert.Equal(["D'ALÈNE-ÉTIÉVANT"], Noms(r));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_word_of_the_text_must_appear_in_the_name(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(new ProfessionnelBuilder("BERTHIER", "Claire"), new ProfessionnelBuilder("BERTHIER", "Luc"));

        var r = await RechercherAsync(app, new FiltreProfessionnels { Texte = "CLAIRE berthier" });

        Assert.Equal(["Claire"], r.Elements.Select(p => p.Prenom));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_text_also_finds_a_professional_by_his_rpps_number(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(new ProfessionnelBuilder("LEROUX").AvecRpps("10109876543"), new ProfessionnelBuilder("LEBLANC"));

        var r = await RechercherAsync(app, new FiltreProfessionnels { Texte = " 10109876543 " });

        Assert.Equal(["LEROUX"], Noms(r));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Search_by_profession_and_specialty(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(
            new ProfessionnelBuilder("GENERALISTE"),
            new ProfessionnelBuilder("INFIRMIERE").Profession("60"),
            new ProfessionnelBuilder("PHARMACIEN").Profession("21"));

        var infirmiers = await RechercherAsync(app, new FiltreProfessionnels { CodeProfession = "60" });
        var generalistes = await RechercherAsync(app, new FiltreProfessionnels { CodeSpecialite = "SM54" });

        Assert.Equal(["INFIRMIERE"], Noms(infirmiers));
        Assert.Equal("Infirmier", infirmiers.Elements[0].Profession);
        Assert.Equal(["GENERALISTE"], Noms(generalistes));
        Assert.Equal("Médecine générale (SM)", generalistes.Elements[0].Specialite);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Search_by_commune_matches_any_practice_site(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(
            new ProfessionnelBuilder("DEUXSITES").ExerceA("18033", "Bourges").ExerceA("18205", "Saint-Doulchard", "0248000001"),
            new ProfessionnelBuilder("BERRUYER").ExerceA("18033", "Bourges"),
            new ProfessionnelBuilder("MEHUNOIS").ExerceA("18141", "Mehun-sur-Yèvre"));

        var r = await RechercherAsync(app, new FiltreProfessionnels { CodeCommune = "18205" });

        var trouve = Assert.Single(r.Elements);
        Assert.Equal("DEUXSITES", trouve.Nom);
        Assert.Equal(["Bourges", "Saint-Doulchard"], trouve.Communes);
        Assert.Equal(["0248000001"], trouve.Telephones);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Search_by_skill_is_accent_insensitive_and_partial(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(
            new ProfessionnelBuilder("PLAIES").Profession("60").Competence("Plaies complexes").Competence("ETP diabète"),
            new ProfessionnelBuilder("SANS"));

        var r = await RechercherAsync(app, new FiltreProfessionnels { Competence = "diabete" });

        var trouve = Assert.Single(r.Elements);
        Assert.Equal(["ETP diabète", "Plaies complexes"], trouve.Competences);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Members_only_keeps_the_members_of_the_current_cpts(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        await app.AjouterAsync(new ProfessionnelBuilder("ADHERENT").MembreDe(cpts.Id), new ProfessionnelBuilder("NONADHERENT"));

        var tous = await RechercherAsync(app, new FiltreProfessionnels());
        var membres = await RechercherAsync(app, new FiltreProfessionnels { MembresSeulement = true });

        Assert.Equal([true, false], tous.Elements.Select(p => p.Membre));
        Assert.Equal(["ADHERENT"], Noms(membres));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Results_are_paged_in_name_order_with_the_total(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync([.. Enumerable.Range(1, 25).Reverse().Select(i => new ProfessionnelBuilder($"NOM{i:D2}"))]);

        var r = await RechercherAsync(app, new FiltreProfessionnels { Page = 3, TaillePage = 10 });

        Assert.Equal(25, r.Total);
        Assert.Equal(3, r.NombrePages);
        Assert.Equal(["NOM21", "NOM22", "NOM23", "NOM24", "NOM25"], Noms(r));
    }
}
