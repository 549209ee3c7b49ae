using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Parcours.Demandes;

namespace OpenCpts.Tests.Features.Parcours.Demandes;

public class TrouverMembresTests
{
    private static readonly DateOnly Debut = new(2026, 11, 25);

    private static Task<IReadOnlyList<MembreCorrespondant>> TrouverAsync(OpenCptsApp app, int cpts, string commune, params string[] actes) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<TrouverMembresPourDemande>()
            .ExecuteAsync(new BesoinPriseEnCharge(cpts, "60", actes, commune, Debut)));

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_request_goes_to_member_nurses_whose_practice_covers_the_commune(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033", "18205", "18141");
        await app.AvecDbAsync(async db =>
        {
            foreach (var (code, lat, lon) in new[] { ("18033", 47.0810, 2.3988), ("18205", 47.1036, 2.3586), ("18141", 47.1447, 2.2153) })
            {
                await db.Communes.Where(c => c.CodeInsee == code).ExecuteUpdateAsync(s => s.SetProperty(c => c.Latitude, lat).SetProperty(c => c.Longitude, lon));
            }
        });
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("IDEBOURGES", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id),
            new ProfessionnelBuilder("IDEDOULCHARD", "Berthe").Profession("60").ExerceA("18205", "Saint-Doulchard").MembreDe(cpts.Id),
            new ProfessionnelBuilder("IDEMEHUN", "Carole").Profession("60").ExerceA("18141", "Mehun-sur-Yèvre").MembreDe(cpts.Id),
            new ProfessionnelBuilder("IDEHORSCPTS", "Denise").Profession("60").ExerceA("18033", "Bourges"),
            new ProfessionnelBuilder("KINEBOURGES", "Emile").Profession("70").ExerceA("18033", "Bourges").MembreDe(cpts.Id));

        var membres = await TrouverAsync(app, cpts.Id, "18033", "pansements");

        // Same commune first, then Saint-Doulchard (4 km); Mehun (16 km) is out of the 10-km area, the non-member
        // and the physiotherapist are not asked.
        Assert.Equal([ids[0], ids[1]], membres.Select(m => m.ProfessionnelId));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_on_leave_at_the_start_date_is_not_asked_but_one_back_before_it_is(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("ENCONGE", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id).EnCongeJusquAu(Debut),
            new ProfessionnelBuilder("REVENUE", "Berthe").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id).EnCongeJusquAu(Debut.AddDays(-1)));

        var membres = await TrouverAsync(app, cpts.Id, "18033", "toilette");

        Assert.Equal([ids[1]], membres.Select(m => m.ProfessionnelId));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_specific_act_goes_only_to_members_who_declared_the_skill(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("SANSCOMPETENCE", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id),
            new ProfessionnelBuilder("PLAIES", "Berthe").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id).Competence("Plaies chroniques et cicatrisation"));

        var specifique = await TrouverAsync(app, cpts.Id, "18033", "pansements", "plaies chroniques");
        var courant = await TrouverAsync(app, cpts.Id, "18033", "pansements");

        Assert.Equal([ids[1]], specifique.Select(m => m.ProfessionnelId));
        Assert.Equal(["plaies chroniques"], specifique[0].CompetencesUtiles);
        Assert.Equal(2, courant.Count);
    }
}
