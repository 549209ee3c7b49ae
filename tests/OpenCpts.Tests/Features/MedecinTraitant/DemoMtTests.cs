using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Suivi;

namespace OpenCpts.Tests.Features.MedecinTraitant;

public class DemoMtTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_list_has_a_few_hundred_waiting_patients_placed_ones_and_duplicates_to_merge(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var parStatut = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.GroupBy(d => d.Statut).ToDictionaryAsync(g => g.Key, g => g.Count()));
        var liste = await app.AvecServicesAsync(sp => sp.GetRequiredService<ListerDemandesMt>().ExecuteAsync(new FiltreDemandesMt { TaillePage = 10_000 }));
        var placesParMois = await app.AvecServicesAsync(sp => sp.GetRequiredService<CalculerSuiviMt>().ExecuteAsync());

        Assert.InRange(parStatut[StatutsDemandeMt.EnAttente], 300, 340);
        Assert.True(parStatut[StatutsDemandeMt.Placee] > 0);
        Assert.True(liste.Lignes.Count(l => l.DoublonPossible) >= 6);
        Assert.All(Criteres.Tous, c => Assert.Contains(liste.Lignes, l => l.Criteres.HasFlag(c.Critere)));
        Assert.True(placesParMois.PlaceesParMois.Count(m => m.Nombre > 0) >= 6);
        Assert.Equal(parStatut.Values.Sum(), await app.AvecDbAsync(db => db.HistoriqueDemandesMt.Select(h => h.DemandeMedecinTraitantId).Distinct().CountAsync()));
    }
}
