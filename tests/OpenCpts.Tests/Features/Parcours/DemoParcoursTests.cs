using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Parcours.Demandes;

namespace OpenCpts.Tests.Features.Parcours;

public class DemoParcoursTests
{
    private static async Task<OpenCptsApp> DemoAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);
        return app;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_nurse_practises_in_Bourges_is_a_member_and_has_requests_waiting_for_her(Fournisseur fournisseur)
    {
        await using var app = await DemoAsync(fournisseur);

        var ide = await app.AvecDbAsync(db => db.Users.Where(u => u.Email == "ide@demo.opencpts.fr")
            .Join(db.Professionnels, u => u.ProfessionnelId, p => p.Id, (u, p) => new { p.CodeProfession, Bourges = p.Activites.Any(a => a.CodeCommune == "18033"), Membre = p.Adhesions.Any() })
            .SingleAsync());
        var client = await app.ConnecterAsync("ide@demo.opencpts.fr", SeedDemo.MotDePasse);
        var page = await client.PageAsync("/parcours/demandes");

        Assert.Equal(("60", true, true), (ide.CodeProfession, ide.Bourges, ide.Membre));
        Assert.Contains("nouvelle</span>", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_hospital_account_belongs_to_the_centre_hospitalier_and_sees_its_requests(Fournisseur fournisseur)
    {
        await using var app = await DemoAsync(fournisseur);

        var structure = await app.AvecDbAsync(db => db.Users.Where(u => u.Email == "hopital@demo.opencpts.fr")
            .Join(db.Structures, u => u.StructureId, s => s.Id, (u, s) => s.Nom).SingleAsync());
        var client = await app.ConnecterAsync("hopital@demo.opencpts.fr", SeedDemo.MotDePasse);
        var page = await client.PageAsync("/parcours/demandes");

        Assert.StartsWith("Centre hospitalier", structure, StringComparison.Ordinal);
        Assert.Contains("Demandes de mon établissement", page, StringComparison.Ordinal);
        Assert.Contains("LAVERGNE Simone", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_has_open_accepted_and_escalated_care_requests(Fournisseur fournisseur)
    {
        await using var app = await DemoAsync(fournisseur);

        var statuts = await app.AvecDbAsync(db => db.DemandesPriseEnCharge.GroupBy(d => d.Statut).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N));

        Assert.True(statuts[StatutsDemandePec.Ouverte] >= 3);
        Assert.True(statuts[StatutsDemandePec.Acceptee] >= 10);
        Assert.True(await app.AvecDbAsync(db => db.DemandesPriseEnCharge.AnyAsync(d => d.Statut == StatutsDemandePec.Ouverte && d.EscaladeeLeUtc != null)));
    }
}
