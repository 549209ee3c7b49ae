using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Tests.Features.Demo;

public class SeedDemoTests(ITestOutputHelper sortie)
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Demo_territory_has_about_124_000_inhabitants_and_600_professionals(Fournisseur fournisseur)
    {
        // The run's demo template (seeded on a fresh database by the harness, as `-- seed demo` does).
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var communes = await app.AvecDbAsync(db => db.CommunesTerritoire.Where(t => db.Cpts.Any(c => c.Id == t.CptsId && c.Nom == SeedDemo.NomCpts)).Select(t => t.Commune!.Population).ToListAsync());
        Assert.Equal(SeedDemo.CommunesDemo.Count, communes.Count);
        Assert.InRange(communes.Sum(), 118_000, 130_000);
        Assert.InRange(await app.AvecDbAsync(db => db.Professionnels.CountAsync()), 550, 650);
        // The demo CPTS is the first one (the host's), the Vierzon one is its neighbour.
        Assert.Equal(SeedDemo.NomCpts, await app.AvecDbAsync(db => db.Cpts.OrderBy(c => c.Id).Select(c => c.Nom).FirstAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Demo_professional_account_is_a_member_general_practitioner(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var medecin = await app.AvecDbAsync(db => db.Users
            .Where(u => u.Email == "pro@demo.opencpts.fr")
            .Join(db.Professionnels, u => u.ProfessionnelId, p => p.Id, (u, p) => new { p.CodeProfession, p.CodeSpecialite, Membre = p.Adhesions.Any() })
            .SingleAsync());

        Assert.Equal(("10", "SM54", true), (medecin.CodeProfession, medecin.CodeSpecialite, medecin.Membre));
        await app.ConnecterAsync("pro@demo.opencpts.fr", SeedDemo.MotDePasse);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Every_demo_RPPS_and_FINESS_is_unique_with_a_valid_Luhn_key(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var professionnels = await app.AvecDbAsync(db => db.Professionnels.Select(p => new { p.Rpps, p.IdentifiantNational }).ToListAsync());
        var finess = await app.AvecDbAsync(db => db.Structures.Select(s => s.Finess!).ToListAsync());

        Assert.All(professionnels, p =>
        {
            Assert.Matches("^10[0-9]{9}$", p.Rpps);
            Assert.True(CleLuhn.EstValide(p.Rpps), p.Rpps);
            Assert.Equal("8" + p.Rpps, p.IdentifiantNational);
        });
        Assert.Equal(professionnels.Count, professionnels.Select(p => p.Rpps).Distinct().Count());
        Assert.All(finess, f => Assert.True(f.Length == 9 && f.StartsWith("18", StringComparison.Ordinal) && CleLuhn.EstValide(f), f));
        Assert.Equal(finess.Count, finess.Distinct().Count());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Demo_data_is_the_same_on_every_fresh_database(Fournisseur fournisseur)
    {
        // The demo template of the run was seeded on a fresh database too: one more seed is enough to compare.
        var premiere = await EmpreinteAsync(await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur), charger: false);
        var seconde = await EmpreinteAsync(await OpenCptsApp.DemarrerAsync(fournisseur), charger: true, fournisseur);

        Assert.Equal(premiere, seconde);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Seeding_twice_does_nothing_the_second_time(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);
        var avant = await app.AvecDbAsync(db => db.Professionnels.CountAsync());

        Assert.False(await ChargerAsync(app));

        Assert.Equal(avant, await app.AvecDbAsync(db => db.Professionnels.CountAsync()));
        Assert.Equal(2, await app.AvecDbAsync(db => db.Cpts.CountAsync()));
    }

    [Fact]
    public void Luhn_key_matches_the_reference_example() =>
        Assert.Equal('3', CleLuhn.Calculer("7992739871"));

    private async Task<string> EmpreinteAsync(OpenCptsApp demarree, bool charger, Fournisseur? fournisseur = null)
    {
        await using var app = demarree;
        if (charger)
        {
            // Loaded because no CPTS exists yet.
            var chrono = Stopwatch.StartNew();
            Assert.True(await ChargerAsync(app));
            sortie.WriteLine($"Demo seeded on {fournisseur} in {chrono.ElapsedMilliseconds} ms");
        }
        var lignes = await app.AvecDbAsync(db => db.Professionnels
            .OrderBy(p => p.Rpps)
            .Select(p => p.Rpps + " " + p.Prenom + " " + p.Nom + " " + p.CodeProfession + " " + p.Activites.Count + " " + p.Adhesions.Count)
            .ToListAsync());
        var structures = await app.AvecDbAsync(db => db.Structures.OrderBy(s => s.Finess).Select(s => s.Finess + " " + s.Nom + " " + s.CodeCommune).ToListAsync());
        return string.Join('\n', lignes.Concat(structures));
    }

    private static Task<bool> ChargerAsync(OpenCptsApp app) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<SeedDemo>().ChargerSiAbsenteAsync());
}
