using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Import;

namespace OpenCpts.Tests.Features.Import;

/// <summary>
/// The FINESS <i>Structures</i> flux: the official example's excerpt (ANS, open data; <c>Fixtures/</c>) has two
/// establishments, the Clinique Convert (010780195, Bourg-en-Bresse 01053, open) and a closed SMUR (010787190,
/// Ambérieu-en-Bugey 01004), under three legal entities (one without establishment).
/// </summary>
public class ImportFinessTests
{
    private static readonly string Extrait = Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Fixtures", "finess-structures-extrait.json");

    private static Task<ResultatImportFiness> ImporterAsync(OpenCptsApp app, Stream flux, bool tout = false) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<ImportFiness>().ImporterAsync(flux, new DemandeImportFiness("finess.json", tout, "tests")));

    private static async Task<RapportImport> ImporterExtraitAsync(OpenCptsApp app, bool tout = false, Func<string, string>? modifier = null)
    {
        var json = await File.ReadAllTextAsync(Extrait);
        await using var flux = new MemoryStream(Encoding.UTF8.GetBytes(modifier?.Invoke(json) ?? json));
        return Assert.IsType<ResultatImportFiness.Termine>(await ImporterAsync(app, flux, tout)).Rapport;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_excerpt_gives_its_two_establishments_with_category_address_coordinates_and_state(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053", "01004");

        var rapport = await ImporterExtraitAsync(app);

        Assert.Equal((2L, 2L, 0L, 0L, 0L, 0L, "Terminee"),
            (rapport.Lues, rapport.Creees, rapport.MisesAJour, rapport.Inchangees, rapport.Ignorees, rapport.Rejetees, rapport.Statut));
        var clinique = await app.AvecDbAsync(db => db.Structures.SingleAsync(s => s.Finess == "010780195"));
        Assert.Equal(("010000156", "77220148900022", "365", "CLINIQUE DOCTEUR CONVERT", "62 AV DE JASSERON", "01000", "01053", "0428631234", false),
            (clinique.FinessJuridique, clinique.Siret, clinique.CodeCategorie, clinique.Nom, clinique.Voie, clinique.CodePostal, clinique.CodeCommune, clinique.Telephone, clinique.Fermee));
        Assert.Equal((46.211257, 5.254203), (clinique.Latitude!.Value, clinique.Longitude!.Value));
        var smur = await app.AvecDbAsync(db => db.Structures.SingleAsync(s => s.Finess == "010787190"));
        Assert.Equal(("SMUR POLYCLINIQUE AMBERIEU EN BUGEY", "321", true, new DateOnly(1993, 1, 1)), (smur.Nom, smur.CodeCategorie, smur.Fermee, smur.FermeeLe));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Outside_the_territory_is_skipped_unless_everything_is_asked(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053");

        var territoire = await ImporterExtraitAsync(app);
        var tout = await ImporterExtraitAsync(app, tout: true);

        Assert.Equal((1L, 1L), (territoire.Creees, territoire.Ignorees));
        Assert.Equal((1L, 1L, 0L), (tout.Creees, tout.Inchangees, tout.Ignorees));
        Assert.Equal(2, await app.AvecDbAsync(db => db.Structures.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_reimport_changes_nothing_and_a_closure_marks_the_structure_closed_without_deleting_it(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053", "01004");
        await ImporterExtraitAsync(app);

        var memeFichier = await ImporterExtraitAsync(app);
        var fermeture = await ImporterExtraitAsync(app, modifier: json => json
            .Replace("\"numFinessEge\" : \"010780195\"", "\"dateFermeture\" : \"2026-11-30\", \"numFinessEge\" : \"010780195\"", StringComparison.Ordinal));

        Assert.Equal((0L, 0L, 2L), (memeFichier.Creees, memeFichier.MisesAJour, memeFichier.Inchangees));
        Assert.Equal((0L, 1L, 1L), (fermeture.Creees, fermeture.MisesAJour, fermeture.Inchangees));
        var clinique = await app.AvecDbAsync(db => db.Structures.SingleAsync(s => s.Finess == "010780195"));
        Assert.Equal((true, new DateOnly(2026, 11, 30)), (clinique.Fermee, clinique.FermeeLe));
        Assert.Equal(2, await app.AvecDbAsync(db => db.Structures.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_file_that_is_not_the_flux_is_refused_and_nothing_is_written(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053");

        var csv = await ImporterAsync(app, new MemoryStream("Type d'identifiant PP;Identifiant PP\n8;10000000001\n"u8.ToArray()));
        var autreJson = await ImporterAsync(app, new MemoryStream("""{"schemaVersion":"v1.0.0","structures":[]}"""u8.ToArray()));
        var tableau = await ImporterAsync(app, new MemoryStream("[1,2,3]"u8.ToArray()));

        Assert.Contains("pas un flux FINESS", Assert.IsType<ResultatImportFiness.FichierRefuse>(csv).Message, StringComparison.Ordinal);
        Assert.Contains("pmej", Assert.IsType<ResultatImportFiness.FichierRefuse>(autreJson).Message, StringComparison.Ordinal);
        Assert.IsType<ResultatImportFiness.FichierRefuse>(tableau);
        Assert.False(await app.AvecDbAsync(db => db.Structures.AnyAsync()));
        Assert.False(await app.AvecDbAsync(db => db.RapportsImport.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_activity_named_by_its_FINESS_site_before_the_import_is_linked_to_its_establishment(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("01053", "01004");
        var activite = await app.AvecDbAsync(async db =>
        {
            var pro = new Professionnel
            {
                Rpps = "10000000001",
                IdentifiantNational = "810000000001",
                Nom = "SALARIEE",
                Prenom = "Inès",
                NomRecherche = "salariee ines",
                CodeProfession = "60",
                Source = "RPPS",
                Activites = [new ActiviteProfessionnelle { IdentifiantSite = "S1", CodeCommune = "01053", LibelleCommune = "Bourg-en-Bresse", FinessSite = "010780195" }],
            };
            db.Professionnels.Add(pro);
            await db.SaveChangesAsync();
            return pro.Activites[0].Id;
        });

        var rapport = await ImporterExtraitAsync(app);

        var clinique = await app.AvecDbAsync(db => db.Structures.Where(s => s.Finess == "010780195").Select(s => s.Id).SingleAsync());
        Assert.Equal(clinique, await app.AvecDbAsync(db => db.Activites.Where(a => a.Id == activite).Select(a => a.StructureId).SingleAsync()));
        Assert.Contains("1 lieu(x) d'exercice", rapport.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_import_finess_command_prints_the_report(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var sortie = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeImportFiness.ExecuterAsync(sp, [Extrait, "--all"], sortie, TextWriter.Null));
        var refus = await app.AvecServicesAsync(sp => CommandeImportFiness.ExecuterAsync(sp, ["/nulle/part.json", "--all"], TextWriter.Null, TextWriter.Null));

        Assert.Equal(0, code);
        Assert.Contains("Import FINESS « ", sortie.ToString(), StringComparison.Ordinal);
        Assert.Contains("Créées         : 2", sortie.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, refus);
    }

    [Fact]
    public async Task The_reader_streams_entities_that_straddle_its_buffer()
    {
        // 3 000 legal entities of one establishment each, about 1 MB: far more than one 64 KB block.
        var json = new StringBuilder("""{"schemaVersion":"v1.0.0","generatedAt":"2026-03-09T15:49:37Z","gcc":[],"pmej":[""");
        for (var i = 0; i < 3000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                {"informationsGeneralesPMEJ":{"numFinessPm":"18{{i:D7}}"},"etatObjet":"A","ege":[{"informationsGeneralesEGE":{"numFinessEge":"19{{i:D7}}","nomEgeLong":"ÉTABLISSEMENT {{i}}     "},
                "categorieentiteGeographiqueExercice":"620","adresse":[{"cogCommune":"18033","codePostal":"18000","libelleVoie":"{{new string('x', 200)}}"}],"etatObjet":"A"}]}
                """);
        }
        json.Append("]}");
        await using var flux = new MemoryStream(Encoding.UTF8.GetBytes(json.ToString()));

        var lus = new List<EtablissementFiness>();
        await foreach (var e in LecteurFiness.LireAsync(flux, TestContext.Current.CancellationToken))
        {
            lus.Add(e);
        }

        Assert.Equal(3000, lus.Count);
        Assert.Equal(("190002999", "180002999", "ÉTABLISSEMENT 2999", "620"), (lus[^1].FinessEt, lus[^1].FinessEj, lus[^1].Nom, lus[^1].Categorie));
        Assert.Equal(3000, lus.Select(e => e.FinessEt).Distinct().Count());
    }
}
