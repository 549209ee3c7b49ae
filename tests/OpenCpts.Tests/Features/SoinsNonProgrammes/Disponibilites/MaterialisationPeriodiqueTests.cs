using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Disponibilites;

public class MaterialisationPeriodiqueTests
{
    [Fact]
    public async Task The_periodic_materialisation_is_off_in_the_test_environment()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite);

        Assert.False(app.Services.GetServices<IHostedService>().OfType<MaterialisationPeriodique>().Single().Active);
    }

    [Fact]
    public async Task When_asked_the_periodic_materialisation_fills_the_horizon_every_6_hours()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite,
            s => s.Configure<OptionsTaches>(t => t["MaterialisationCreneaux"] = new OptionsTache { Active = true }));
        var (pro, _, _) = await app.MedecinAsync();
        // Saved without the use case, so only the background job can make its slots.
        await app.AvecDbAsync(async db =>
        {
            var s = Snp.MardiSoir();
            db.ModelesDisponibilite.Add(new ModeleDisponibilite
            {
                ProfessionnelId = pro,
                JourSemaine = s.JourSemaine,
                HeureDebut = s.HeureDebut,
                HeureFin = s.HeureFin,
                DureeCreneauMinutes = s.DureeCreneauMinutes,
                DateDebut = s.DateDebut,
            });
            await db.SaveChangesAsync();
        });

        app.Horloge.Advance(TimeSpan.FromHours(6));

        var n = 0;
        for (var essai = 0; essai < 100 && n < 48; essai++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            n = await app.AvecDbAsync(db => db.CreneauxSnp.CountAsync());
        }
        Assert.Equal(48, n);
    }
}
