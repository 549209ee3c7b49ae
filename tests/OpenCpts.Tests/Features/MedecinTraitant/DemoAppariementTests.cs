using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant;

public class DemoAppariementTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_has_twenty_GPs_with_capacities_and_a_proposal_for_the_demo_GP_to_answer(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var capacites = await app.AvecDbAsync(db => db.CapacitesMedecin.AsNoTracking().ToListAsync());
        var pro = await app.ConnecterAsync("pro@demo.opencpts.fr", SeedDemo.MotDePasse);
        var page = await pro.PageAsync("/medecin-traitant/mes-patients");

        Assert.Equal(20, capacites.Count);
        Assert.Contains(capacites, c => c.EnPause);
        Assert.Contains(capacites, c => c.CommunesAcceptees.Length > 0);
        Assert.Contains(capacites, c => c.CriteresExiges != CriteresPriorite.Aucun);
        Assert.Contains("PERRIN Solène", page);
        Assert.Contains("Accepter", page);
    }
}
