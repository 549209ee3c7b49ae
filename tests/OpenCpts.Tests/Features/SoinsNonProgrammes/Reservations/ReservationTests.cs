using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Patients;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Reservations;

public class ReservationTests
{
    internal static readonly SaisieIdentite Patient = new("DURAND", "Alice", new DateOnly(1980, 5, 17), Telephone: "06 12 34 56 78", CommuneInsee: "18033");

    private static Task<ResultatReservation> ReserverAsync(OpenCptsApp app, long creneauId, SaisieIdentite? patient = null) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<ReserverCreneau>()
            .ExecuteAsync(new DemandeReservation(creneauId, patient ?? Patient, "Fièvre depuis deux jours", OriginesReservation.Regulation, "regulateur@test.invalid")));

    private static async Task<(OpenCptsApp App, int ProfessionnelId)> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges"));
        return (app, ids[0]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Booking_the_last_free_slot_books_it_and_keeps_the_patient_data(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];

        var resultat = await ReserverAsync(app, creneau);

        var reservee = Assert.IsType<ResultatReservation.Reservee>(resultat);
        Assert.Equal(creneau, reservee.Reservation.CreneauId);
        Assert.Equal(StatutsCreneau.Reserve, await app.StatutCreneauAsync(creneau));
        var r = await app.AvecDbAsync(db => db.ReservationsSnp.SingleAsync());
        Assert.Equal(("DURAND", "Alice", "0612345678", "18033", true, StatutsReservation.Confirmee),
            (r.NomPatient, r.PrenomPatient, r.Telephone, r.CodeCommune, r.Active, r.Statut));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Booking_a_taken_slot_is_unavailable_and_writes_nothing(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        Assert.IsType<ResultatReservation.Reservee>(await ReserverAsync(app, creneau));

        var second = await ReserverAsync(app, creneau, Patient with { Nom = "PETIT" });

        Assert.IsType<ResultatReservation.Indisponible>(second);
        Assert.Equal(1, await app.AvecDbAsync(db => db.ReservationsSnp.CountAsync()));
        Assert.False(await app.AvecDbAsync(db => db.ReservationsSnp.AnyAsync(r => r.NomPatient == "PETIT")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_past_or_withdrawn_slot_cannot_be_booked_and_an_unknown_one_is_not_found(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var ids = await app.AjouterCreneauxAsync(
            new CreneauSnpBuilder(pro).Dans(TimeSpan.FromMinutes(-10)),
            new CreneauSnpBuilder(pro).Dans(TimeSpan.FromHours(3)).Statut(StatutsCreneau.Retire));

        Assert.IsType<ResultatReservation.Indisponible>(await ReserverAsync(app, ids[0]));
        Assert.IsType<ResultatReservation.Indisponible>(await ReserverAsync(app, ids[1]));
        Assert.IsType<ResultatReservation.Introuvable>(await ReserverAsync(app, 999_999));
        Assert.Equal(0, await app.AvecDbAsync(db => db.ReservationsSnp.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Invalid_patient_fields_are_each_named_in_French(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];

        var resultat = await ReserverAsync(app, creneau, new SaisieIdentite("", "Al\u0007ice", new DateOnly(2030, 1, 1), Telephone: "12345", CommuneInsee: "99999"));

        var invalide = Assert.IsType<ResultatReservation.Invalide>(resultat);
        Assert.Equal(["Patient.CommuneInsee", "Patient.DateNaissance", "Patient.Nom", "Patient.Prenom", "Patient.Telephone"], invalide.Erreurs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("obligatoire", invalide.Erreurs["Patient.Nom"][0], StringComparison.Ordinal);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(creneau));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Cancelling_a_booking_frees_its_slot(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var reservation = ((ResultatReservation.Reservee)await ReserverAsync(app, creneau)).Reservation.Id;

        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<AnnulerReservation>().ExecuteAsync(reservation, "regulateur"));

        Assert.Equal(ResultatAnnulation.Annulee, resultat);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(creneau));
        Assert.Equal(0, await app.ReservationsActivesAsync(creneau));
        // The freed slot can be booked again.
        Assert.IsType<ResultatReservation.Reservee>(await ReserverAsync(app, creneau));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Rescheduling_moves_the_booking_to_the_new_slot_and_frees_the_old_one(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var ids = await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro), new CreneauSnpBuilder(pro).Dans(TimeSpan.FromHours(5)));
        var reservation = ((ResultatReservation.Reservee)await ReserverAsync(app, ids[0])).Reservation.Id;

        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<ReplanifierReservation>().ExecuteAsync(reservation, ids[1], "regulateur"));

        var nouvelle = Assert.IsType<ResultatReservation.Reservee>(resultat).Reservation;
        Assert.Equal(ids[1], nouvelle.CreneauId);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(ids[0]));
        Assert.Equal(StatutsCreneau.Reserve, await app.StatutCreneauAsync(ids[1]));
        Assert.Equal(StatutsReservation.Annulee, await app.AvecDbAsync(db => db.ReservationsSnp.Where(r => r.Id == reservation).Select(r => r.Statut).FirstAsync()));
        Assert.Equal("DURAND", await app.AvecDbAsync(db => db.ReservationsSnp.Where(r => r.Id == nouvelle.Id).Select(r => r.NomPatient).FirstAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Rescheduling_to_a_taken_slot_changes_nothing(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var ids = await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro), new CreneauSnpBuilder(pro).Dans(TimeSpan.FromHours(5)));
        var reservation = ((ResultatReservation.Reservee)await ReserverAsync(app, ids[0])).Reservation.Id;
        await ReserverAsync(app, ids[1], Patient with { Nom = "AUTRE" });

        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<ReplanifierReservation>().ExecuteAsync(reservation, ids[1], "regulateur"));

        Assert.IsType<ResultatReservation.Indisponible>(resultat);
        Assert.Equal(StatutsCreneau.Reserve, await app.StatutCreneauAsync(ids[0]));
        var ancienne = await app.AvecDbAsync(db => db.ReservationsSnp.SingleAsync(r => r.Id == reservation));
        Assert.Equal((StatutsReservation.Confirmee, true), (ancienne.Statut, ancienne.Active));
        Assert.Equal(2, await app.AvecDbAsync(db => db.ReservationsSnp.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Attendance_can_be_marked_only_once_the_slot_has_started(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var reservation = ((ResultatReservation.Reservee)await ReserverAsync(app, creneau)).Reservation.Id;

        var tropTot = await app.AvecServicesAsync(sp => sp.GetRequiredService<MarquerHonoree>().HonoreeAsync(reservation));
        app.Horloge.Advance(TimeSpan.FromHours(1));
        var ensuite = await app.AvecServicesAsync(sp => sp.GetRequiredService<MarquerHonoree>().NonHonoreeAsync(reservation));

        Assert.Equal((ResultatPresence.TropTot, ResultatPresence.Marquee), (tropTot, ensuite));
        Assert.Equal(StatutsReservation.NonHonoree, await app.AvecDbAsync(db => db.ReservationsSnp.Where(r => r.Id == reservation).Select(r => r.Statut).FirstAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_patient_receives_a_confirmation_in_the_outbox(Fournisseur fournisseur)
    {
        var (app, pro) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];

        await ReserverAsync(app, creneau, Patient with { Email = "alice.durand@exemple.invalid" });

        var messages = await app.AvecDbAsync(db => db.MessagesSortants.OrderBy(m => m.Canal).ToListAsync());
        Assert.Equal([("Email", "alice.durand@exemple.invalid"), ("SMS", "0612345678")], messages.Select(m => (m.Canal, m.Destinataire)));
        // 10:00 UTC is 11:00 in Paris in November.
        Assert.Contains("23/11/2026 11:00", messages[0].Texte, StringComparison.Ordinal);
    }
}
