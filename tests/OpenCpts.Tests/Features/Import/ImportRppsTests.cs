using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Import;

namespace OpenCpts.Tests.Features.Import;

public class ImportRppsTests
{
    private static Task<ResultatImportRpps> ImporterAsync(OpenCptsApp app, string chemin, bool toutImporter = false) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<ImportRpps>()
            .ImporterFichierAsync(chemin, new DemandeImportRpps(Path.GetFileName(chemin), toutImporter, "tests")));

    private static async Task<RapportImport> ImporterTermineAsync(OpenCptsApp app, string chemin, bool toutImporter = false) =>
        Assert.IsType<ResultatImportRpps.Termine>(await ImporterAsync(app, chemin, toutImporter)).Rapport;

    private static void Compter(RapportImport r, long lues, long creees, long misesAJour, long inchangees, long ignorees, long rejetees)
    {
        Assert.Equal(
            (lues, creees, misesAJour, inchangees, ignorees, rejetees),
            (r.Lues, r.Creees, r.MisesAJour, r.Inchangees, r.Ignorees, r.Rejetees));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_sample_on_its_seven_communes_gives_64_professionals_and_65_activities(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);

        var rapport = await ImporterTermineAsync(app, EchantillonRpps.Chemin);

        Compter(rapport, lues: 65, creees: 65, misesAJour: 0, inchangees: 0, ignorees: 0, rejetees: 0);
        Assert.Equal("Terminee", rapport.Statut);
        Assert.Equal(64, await app.AvecDbAsync(db => db.Professionnels.CountAsync(p => p.Source == "RPPS")));
        Assert.Equal(65, await app.AvecDbAsync(db => db.Activites.CountAsync()));
        var enBase = await app.AvecDbAsync(db => db.RapportsImport.SingleAsync());
        Assert.Equal((65L, "Terminee", "sample-cher.txt"), (enBase.Creees, enBase.Statut, enBase.NomFichier));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_on_two_sites_is_one_professional_with_two_activities(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);

        await ImporterTermineAsync(app, EchantillonRpps.Chemin);

        var p = await app.AvecDbAsync(db => db.Professionnels.Include(x => x.Activites).SingleAsync(x => x.Rpps == "19999990617"));
        Assert.Equal("819999990617", p.IdentifiantNational);
        Assert.Equal(["C1999999061700", "C1999999061701"], p.Activites.Select(a => a.IdentifiantSite).Order());
        Assert.Equal(["18033", "18205"], p.Activites.Select(a => a.CodeCommune!).Order());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Edge_cases_of_the_sample_are_imported_as_documented(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        var hopital = await app.AvecDbAsync(async db =>
        {
            var s = new Structure { Finess = "189999915", CodeCategorie = "355", Nom = "CENTRE HOSPITALIER EXEMPLE DE BOURGES", NomRecherche = "centre hospitalier exemple de bourges" };
            db.Structures.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

        await ImporterTermineAsync(app, EchantillonRpps.Chemin);

        var activites = await app.AvecDbAsync(db => db.Professionnels.Include(p => p.Activites).Where(p => p.Rpps == "19999990625" || p.Rpps == "19999990633" || p.Rpps == "19999990641").ToListAsync());
        var kine = activites.Single(p => p.Rpps == "19999990625").Activites.Single();
        Assert.Equal(("18600", true), (kine.CodePostal, kine.AdresseIncomplete));
        var infirmiere = activites.Single(p => p.Rpps == "19999990633");
        Assert.Equal(("D'ALÈNE-ÉTIÉVANT", "MARIE-HÉLÈNE"), (infirmiere.Nom, infirmiere.Prenom));
        Assert.StartsWith("d alene etievant", infirmiere.NomRecherche);
        var medecin = activites.Single(p => p.Rpps == "19999990641");
        Assert.Equal(("S", hopital, "189999915"), (medecin.Activites.Single().ModeExercice, medecin.Activites.Single().StructureId, medecin.Activites.Single().FinessSite));
        Assert.Equal(("DR", "10", "SM54"), (medecin.CiviliteExercice, medecin.CodeProfession, medecin.CodeSpecialite));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Lines_outside_the_territory_are_skipped(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");

        var rapport = await ImporterTermineAsync(app, EchantillonRpps.Chemin);

        Compter(rapport, lues: 65, creees: 22, misesAJour: 0, inchangees: 0, ignorees: 43, rejetees: 0);
        Assert.Equal(22, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
        Assert.Equal(0, await app.AvecDbAsync(db => db.Activites.CountAsync(a => a.CodeCommune != "18033")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_all_option_keeps_lines_outside_the_territory(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");

        var rapport = await ImporterTermineAsync(app, EchantillonRpps.Chemin, toutImporter: true);

        Compter(rapport, lues: 65, creees: 65, misesAJour: 0, inchangees: 0, ignorees: 0, rejetees: 0);
        Assert.Equal(64, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_file_is_refused_naming_the_missing_columns_and_nothing_is_written(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        var chemin = EchantillonRpps.Ecrire(["Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom de famille|Prénoms|", "8|19999990013|819999990013|X|Y|"]);

        var refus = Assert.IsType<ResultatImportRpps.FichierRefuse>(await ImporterAsync(app, chemin));

        Assert.Contains("Colonnes manquantes : ", refus.Message);
        Assert.Contains("Nom d'exercice", refus.Message);
        Assert.Equal(0, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
        Assert.Equal(0, await app.AvecDbAsync(db => db.RapportsImport.CountAsync()));
        File.Delete(chemin);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_line_repeated_in_the_file_counts_as_unchanged_not_as_an_error(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        var lignes = EchantillonRpps.Lignes();
        var chemin = EchantillonRpps.Ecrire([.. lignes, lignes[1]]);

        var rapport = await ImporterTermineAsync(app, chemin);

        Compter(rapport, lues: 66, creees: 65, misesAJour: 0, inchangees: 1, ignorees: 0, rejetees: 0);
        Assert.Equal(64, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
        File.Delete(chemin);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Importing_the_same_file_again_changes_nothing(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        await ImporterTermineAsync(app, EchantillonRpps.Chemin);

        var rapport = await ImporterTermineAsync(app, EchantillonRpps.Chemin);

        Compter(rapport, lues: 65, creees: 0, misesAJour: 0, inchangees: 65, ignorees: 0, rejetees: 0);
        Assert.Equal((64, 65), await app.AvecDbAsync(async db => (await db.Professionnels.CountAsync(), await db.Activites.CountAsync())));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_changed_line_updates_the_activity_and_keeps_the_cpts_data(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync(EchantillonRpps.Communes);
        await ImporterTermineAsync(app, EchantillonRpps.Chemin);
        await app.AvecDbAsync(async db =>
        {
            var p = await db.Professionnels.SingleAsync(x => x.Rpps == "19999990013");
            p.Competences.Add(new Competence { Libelle = "ETP diabète", LibelleRecherche = "etp diabete" });
            p.Adhesions.Add(new Adhesion { CptsId = cpts.Id, DepuisLe = new DateOnly(2026, 1, 1) });
            await db.SaveChangesAsync();
        });
        var lignes = EchantillonRpps.Lignes();
        lignes[1] = EchantillonRpps.Remplacer(lignes[1], 41, "0261919999");
        var chemin = EchantillonRpps.Ecrire(lignes);

        var rapport = await ImporterTermineAsync(app, chemin);

        Compter(rapport, lues: 65, creees: 0, misesAJour: 1, inchangees: 64, ignorees: 0, rejetees: 0);
        var apres = await app.AvecDbAsync(db => db.Professionnels.Include(p => p.Activites).Include(p => p.Competences).Include(p => p.Adhesions).SingleAsync(x => x.Rpps == "19999990013"));
        Assert.Equal("0261919999", apres.Activites.Single().Telephone);
        Assert.Single(apres.Competences);
        Assert.Single(apres.Adhesions);
        File.Delete(chemin);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Bad_lines_are_rejected_with_their_number_and_the_rest_is_imported(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync(EchantillonRpps.Communes);
        var lignes = EchantillonRpps.Lignes();
        lignes[9] = EchantillonRpps.Remplacer(EchantillonRpps.Remplacer(lignes[9], 2, "19999990105"), 3, "819999990105");
        lignes[19] = lignes[19].Replace("|Médecin|", "|", StringComparison.Ordinal);
        var chemin = EchantillonRpps.Ecrire(lignes);

        var rapport = await ImporterTermineAsync(app, chemin);

        Compter(rapport, lues: 65, creees: 63, misesAJour: 0, inchangees: 0, ignorees: 0, rejetees: 2);
        var rejets = await app.AvecDbAsync(db => db.RejetsImport.OrderBy(r => r.Ligne).Select(r => new { r.Ligne, r.Raison }).ToListAsync());
        Assert.Equal(10, rejets[0].Ligne);
        Assert.Equal("clé RPPS invalide", rejets[0].Raison);
        Assert.Equal(20, rejets[1].Ligne);
        Assert.StartsWith("nombre de champs incorrect", rejets[1].Raison);
        Assert.Equal(62, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
        File.Delete(chemin);
    }
}
