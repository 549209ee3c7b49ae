using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Regulation;

public class RechercherCreneauxProposesTests
{
    private static Task<IReadOnlyList<CreneauPropose>> ProposerAsync(OpenCptsApp app, FiltreCreneaux filtre) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<RechercherCreneauxProposes>().ExecuteAsync(filtre));

    /// <summary>One professional per commune, one slot each; the earliest slot is the farthest.</summary>
    private static async Task<Dictionary<string, long>> UnCreneauParCommuneAsync(OpenCptsApp app, params (string Code, string Nom)[] communes)
    {
        var creneaux = new Dictionary<string, long>();
        for (var i = 0; i < communes.Length; i++)
        {
            var (code, nom) = communes[i];
            var pro = (await app.AjouterAsync(new ProfessionnelBuilder("PRO" + code).ExerceA(code, nom)))[0];
            var activite = await app.ActiviteAsync(pro);
            creneaux[code] = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro).Au(activite).Dans(TimeSpan.FromHours(10 - i))))[0];
        }
        return creneaux;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_coordinates_slots_rank_same_commune_then_postcode_then_departement_then_others(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18050", "18157", "18033", "36044");
        // La Chapelle-Saint-Ursin and Morthomiers share 18570; Bourges is in the Cher; Châteauroux is not.
        var c = await UnCreneauParCommuneAsync(app, ("18050", "La Chapelle-Saint-Ursin"), ("18157", "Morthomiers"), ("18033", "Bourges"), ("36044", "Châteauroux"));

        var proposes = await ProposerAsync(app, new FiltreCreneaux { CommunePatient = "18050" });

        Assert.Equal([c["18050"], c["18157"], c["18033"], c["36044"]], proposes.Select(p => p.Id));
        Assert.Equal(["même commune", "même code postal", "même département", "autre département"], proposes.Select(p => p.Proximite.Libelle));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task With_coordinates_slots_rank_by_distance_and_unknown_places_come_last(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205", "18050", "18157");
        var c = await UnCreneauParCommuneAsync(app, ("18157", "Morthomiers"), ("18050", "La Chapelle-Saint-Ursin"), ("18205", "Saint-Doulchard"), ("18033", "Bourges"));
        await app.AvecDbAsync(async db =>
        {
            await db.Communes.Where(x => x.CodeInsee == "18033").ExecuteUpdateAsync(s => s.SetProperty(x => x.Latitude, 47.0810).SetProperty(x => x.Longitude, 2.3988));
            // Saint-Doulchard's site is geocoded (about 4 km), La Chapelle only by its commune centre (about 7 km).
            await db.Activites.Where(a => a.CodeCommune == "18205").ExecuteUpdateAsync(s => s.SetProperty(x => x.Latitude, 47.1000).SetProperty(x => x.Longitude, 2.3500));
            await db.Communes.Where(x => x.CodeInsee == "18050").ExecuteUpdateAsync(s => s.SetProperty(x => x.Latitude, 47.0600).SetProperty(x => x.Longitude, 2.3100));
        });

        var proposes = await ProposerAsync(app, new FiltreCreneaux { CommunePatient = "18033" });

        Assert.Equal([c["18033"], c["18205"], c["18050"], c["18157"]], proposes.Select(p => p.Id));
        Assert.InRange(proposes[1].Proximite.Km!.Value, 3.5, 4.5);
        Assert.InRange(proposes[2].Proximite.Km!.Value, 6.5, 7.5);
        Assert.Null(proposes[3].Proximite.Km);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_free_slots_of_the_next_48_hours_in_the_territory_are_proposed_and_filters_apply(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("DEDANS").ExerceA("18033", "Bourges"),
            new ProfessionnelBuilder("DEHORS").ExerceA("36044", "Châteauroux"),
            new ProfessionnelBuilder("KINE").Profession("70").ExerceA("18033", "Bourges"));
        var creneaux = await app.AjouterCreneauxAsync(
            new CreneauSnpBuilder(ids[0]),
            new CreneauSnpBuilder(ids[0]).Dans(TimeSpan.FromHours(49)),
            new CreneauSnpBuilder(ids[0]).Dans(TimeSpan.FromHours(2)).Statut(StatutsCreneau.Reserve),
            new CreneauSnpBuilder(ids[0]).Dans(TimeSpan.FromHours(3)).DeType(TypesConsultation.Domicile),
            new CreneauSnpBuilder(ids[1]),
            new CreneauSnpBuilder(ids[2]).Dans(TimeSpan.FromHours(4)));

        var tous = await ProposerAsync(app, new FiltreCreneaux { CommunePatient = "18033" });
        var domicile = await ProposerAsync(app, new FiltreCreneaux { TypeConsultation = TypesConsultation.Domicile });
        var kines = await ProposerAsync(app, new FiltreCreneaux { Profession = "70" });

        Assert.Equal([creneaux[0], creneaux[3], creneaux[5]], tous.Select(p => p.Id));
        Assert.Equal([creneaux[3]], domicile.Select(p => p.Id));
        Assert.Equal([creneaux[5]], kines.Select(p => p.Id));
    }
}
