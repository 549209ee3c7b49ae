using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Import;

namespace OpenCpts.Tests.Features.Accueil;

public class AccueilTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_dashboard_shows_the_last_RPPS_import(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        await AjouterImportAsync(app);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var html = await client.GetStringAsync("/");

        Assert.Contains("Dernier import RPPS", html);
        Assert.Contains("« PS_LibreAcces_Personne_activite_202611230800.txt »", html);
        Assert.Contains("42 créées", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Other_roles_do_not_see_imports_nor_the_coordination_shortcuts(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        await AjouterImportAsync(app);
        var client = await app.ClientConnecteAsync(Roles.LectureInstitutionnelle);

        var html = await client.GetStringAsync("/");

        Assert.DoesNotContain("Dernier import RPPS", html);
        Assert.DoesNotContain("/import/rpps", html);
        Assert.DoesNotContain("href=\"/annuaire\"", html);
        Assert.Contains("href=\"/territoire\"", html);
    }

    private static Task AjouterImportAsync(OpenCptsApp app) => app.AvecDbAsync(async db =>
    {
        db.RapportsImport.Add(new RapportImport
        {
            Type = ImportRpps.Type,
            NomFichier = "PS_LibreAcces_Personne_activite_202611230800.txt",
            DebutUtc = app.Horloge.GetUtcNow().UtcDateTime,
            FinUtc = app.Horloge.GetUtcNow().UtcDateTime,
            Statut = "Terminee",
            Lues = 50,
            Creees = 42,
            Ignorees = 8,
        });
        await db.SaveChangesAsync();
    });
}
