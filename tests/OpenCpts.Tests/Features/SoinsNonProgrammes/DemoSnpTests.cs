using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes;

public class DemoSnpTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_next_72_hours_of_the_demo_hold_free_slots_of_several_types_and_visibilities(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var (types, visibilites) = await LibresDans72HeuresAsync(app);

        Assert.Equal([TypesConsultation.Cabinet, TypesConsultation.Domicile, TypesConsultation.Teleconsultation], types);
        Assert.Contains(Visibilites.Snp, visibilites);
        Assert.Contains(Visibilites.Cpts, visibilites);
    }

    [Fact]
    public async Task Any_day_of_the_week_the_demo_has_free_slots_in_the_next_72_hours()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite);
        // Friday 2026-11-27 at 22:30 Paris, a late evening before the weekend.
        app.Horloge.SetUtcNow(new DateTimeOffset(2026, 11, 27, 21, 30, 0, TimeSpan.Zero));
        await ChargerAsync(app);

        var (types, visibilites) = await LibresDans72HeuresAsync(app);

        Assert.True(types.Count >= 2 && visibilites.Count >= 2, string.Join(",", types.Concat(visibilites)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_demo_professional_with_slots_belongs_to_two_CPTS(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var membres = await app.AvecDbAsync(db => db.Professionnels
            .Where(p => p.Adhesions.Count == 2 && db.CreneauxSnp.Any(c => c.ProfessionnelId == p.Id && c.Statut == StatutsCreneau.Libre))
            .CountAsync());
        var vierzon = await app.AvecDbAsync(db => db.Cpts.Where(c => c.Nom == GenerateurDemoSnp.NomCptsVierzon).Select(c => c.Communes.Count).SingleAsync());

        Assert.True(membres >= 1);
        Assert.Equal(GenerateurDemoSnp.CommunesVierzon.Count, vierzon);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_doctor_has_patterns_and_a_booking(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var (modeles, reservations) = await app.AvecDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == "pro@demo.opencpts.fr").Select(u => u.ProfessionnelId!.Value).SingleAsync();
            var m = await db.ModelesDisponibilite.CountAsync(x => x.ProfessionnelId == id);
            var r = await db.ReservationsSnp.CountAsync(x => x.Statut == StatutsReservation.Confirmee && db.CreneauxSnp.Any(c => c.Id == x.CreneauSnpId && c.ProfessionnelId == id && c.Statut == StatutsCreneau.Reserve));
            return (m, r);
        });

        Assert.True(modeles >= 3);
        Assert.True(reservations >= 1);
        Assert.InRange(await app.AvecDbAsync(db => db.ReservationsSnp.CountAsync(r => r.Statut == StatutsReservation.Confirmee)), 3, 20);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_has_past_weeks_of_requests_bookings_and_no_shows_for_the_charts(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);
        var mois = new DateOnly(2026, 11, 1);

        var demandes = await app.AvecServicesAsync(sp => sp.GetRequiredService<CalculerDemandesSnp>().ExecuteAsync(mois));
        var suivi = await app.AvecServicesAsync(sp => sp.GetRequiredService<CalculerSuiviSnp>().ExecuteAsync(mois));

        Assert.True(demandes.ParJour.Count(j => j.Creees > 0) >= 20, "requests on most days");
        Assert.True(demandes.Sous24h > 0 && demandes.Sous48h > demandes.Sous24h && demandes.Total > demandes.Sous48h,
            $"{demandes.Sous24h}/{demandes.Sous48h}/{demandes.Total}");
        Assert.True(suivi.TauxNonHonores is > 0 and < 0.5, suivi.TauxNonHonores?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(suivi.ParSemaine.Count >= 3);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_doctor_has_a_pending_surnumeraire_invitation(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var enAttente = await app.AvecDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == "pro@demo.opencpts.fr").Select(u => u.ProfessionnelId!.Value).SingleAsync();
            return await db.InvitationsSurnumeraire.CountAsync(i => i.ProfessionnelId == id && i.Statut == StatutsInvitation.EnAttente
                && db.DemandesSnp.Any(d => d.Id == i.DemandeSnpId && d.Statut == StatutsDemande.Ouverte));
        });

        Assert.Equal(1, enAttente);
    }

    private static async Task<(List<string> Types, List<string> Visibilites)> LibresDans72HeuresAsync(OpenCptsApp app)
    {
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        var fin = maintenant.AddHours(72);
        var libres = await app.AvecDbAsync(db => db.CreneauxSnp
            .Where(c => c.Statut == StatutsCreneau.Libre && c.DebutUtc > maintenant && c.DebutUtc < fin)
            .Select(c => new { c.TypeConsultation, c.Visibilite })
            .Distinct().ToListAsync());
        return ([.. libres.Select(l => l.TypeConsultation).Distinct().Order(StringComparer.Ordinal)],
            [.. libres.Select(l => l.Visibilite).Distinct().Order(StringComparer.Ordinal)]);
    }

    private static Task<bool> ChargerAsync(OpenCptsApp app) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<SeedDemo>().ChargerSiAbsenteAsync());
}
