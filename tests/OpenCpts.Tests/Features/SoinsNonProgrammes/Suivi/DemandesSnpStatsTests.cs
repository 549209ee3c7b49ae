using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Suivi;

public class DemandesSnpStatsTests
{
    private static DateTime Utc(int mois, int jour, int heure, int minute = 0, int seconde = 0) =>
        new(2026, mois, jour, heure, minute, seconde, DateTimeKind.Utc);

    /// <summary>
    /// Requests around the 24 h / 48 h boundaries and the month's Europe/Paris edges (November = UTC+1); the
    /// platform clock stays at 2026-11-23 09:00 UTC.
    /// </summary>
    private static async Task PreparerAsync(OpenCptsApp app)
    {
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("REPONSE").Docteur().ExerceA("18033", "Bourges")))[0];
        await app.AvecDbAsync(async db =>
        {
            var n = 0;
            async Task Demande(DateTime creeLe, string statut = StatutsDemande.Ouverte, DateTime? reserveeLe = null)
            {
                var d = new DemandeSnp { NomPatient = "STAT", PrenomPatient = "Test", DateNaissance = new DateOnly(1990, 1, 1), Motif = "Fièvre", Statut = statut, CreeLeUtc = creeLe };
                if (reserveeLe is { } t)
                {
                    var debut = t.AddHours(2 + n++);
                    var c = new CreneauSnp { ProfessionnelId = pro, DebutUtc = debut, FinUtc = debut.AddMinutes(20), Statut = StatutsCreneau.Reserve, CreeLeUtc = t, MisAJourLeUtc = t };
                    db.CreneauxSnp.Add(c);
                    await db.SaveChangesAsync();
                    var r = new ReservationSnp { CreneauSnpId = c.Id, NomPatient = "STAT", PrenomPatient = "Test", DateNaissance = d.DateNaissance, CreeLeUtc = t };
                    db.ReservationsSnp.Add(r);
                    await db.SaveChangesAsync();
                    d.ReservationSnpId = r.Id;
                    d.Statut = StatutsDemande.Orientee;
                }
                db.DemandesSnp.Add(d);
                await db.SaveChangesAsync();
            }
            await Demande(Utc(11, 10, 8), reserveeLe: Utc(11, 11, 8));                // exactly 24 h: within 24 h
            await Demande(Utc(11, 12, 8), reserveeLe: Utc(11, 13, 8, 0, 1));          // 24 h + 1 s: within 48 h only
            await Demande(Utc(11, 14, 8), reserveeLe: Utc(11, 16, 8, 0, 1));          // 48 h + 1 s: neither
            await Demande(Utc(11, 15, 8), StatutsDemande.SansSolution);              // never answered
            await Demande(Utc(11, 15, 9), StatutsDemande.Annulee);                   // cancelled: not counted
            await Demande(Utc(10, 31, 23, 30));                                      // 1 November 00:30 in Paris: counted
            await Demande(Utc(11, 30, 23, 30));                                      // 1 December 00:30 in Paris: not counted
        });
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Shares_answered_within_24_and_48_hours_include_the_boundary_and_exclude_cancelled_requests(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await PreparerAsync(app);

        var stats = await app.AvecServicesAsync(sp => sp.GetRequiredService<CalculerDemandesSnp>().ExecuteAsync(new DateOnly(2026, 11, 1)));

        Assert.Equal((5, 1, 2), (stats.Total, stats.Sous24h, stats.Sous48h));
        Assert.Equal(0.2, stats.Part24h);
        Assert.Equal(0.4, stats.Part48h);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Requests_per_day_run_from_the_first_of_the_month_to_today_in_Paris_time(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await PreparerAsync(app);

        var stats = await app.AvecServicesAsync(sp => sp.GetRequiredService<CalculerDemandesSnp>().ExecuteAsync(new DateOnly(2026, 11, 1)));

        Assert.Equal(23, stats.ParJour.Count);
        Assert.Equal(new DemandesParJour(new DateOnly(2026, 11, 1), 1, 0), Jour(stats, 1));
        Assert.Equal(new DemandesParJour(new DateOnly(2026, 11, 11), 0, 1), Jour(stats, 11));
        Assert.Equal(new DemandesParJour(new DateOnly(2026, 11, 15), 1, 0), Jour(stats, 15));
        Assert.Equal(new DemandesParJour(new DateOnly(2026, 11, 16), 0, 1), Jour(stats, 16));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_follow_up_page_shows_the_shares_and_their_definition(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await PreparerAsync(app);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var page = await client.PageAsync("/snp/suivi?mois=2026-11");

        Assert.Contains("<div class=\"stat\" id=\"part-24h\">20 %</div>", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"stat\" id=\"part-48h\">40 %</div>", page, StringComparison.Ordinal);
        Assert.Contains("au plus 24 h (48 h) après la prise de la demande, limite comprise", page, StringComparison.Ordinal);
        Assert.Contains("id=\"graphique-demandes\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"graphique-professionnels\"", page, StringComparison.Ordinal);
    }

    private sealed record DemandesParJour(DateOnly Jour, int Creees, int Repondues);

    private static DemandesParJour Jour(DemandesSnpDuMois stats, int jour)
    {
        var j = stats.ParJour.Single(x => x.Jour == new DateOnly(2026, 11, jour));
        return new DemandesParJour(j.Jour, j.Creees, j.Repondues);
    }
}
