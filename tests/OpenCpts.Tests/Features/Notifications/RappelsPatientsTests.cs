using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.SoinsNonProgrammes;
using OpenCpts.Tests.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Rappels;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

namespace OpenCpts.Tests.Features.Notifications;

/// <summary>The patient's reminder (24 h before by default, once, never for a cancelled booking) and cancellation link.</summary>
public partial class RappelsPatientsTests
{
    private const string TelephonePatient = "0612345678";

    [GeneratedRegex(@"/rendez-vous/annulation/(\S+)")]
    private static partial Regex Lien();

    private static async Task<(OpenCptsApp App, int Pro, long Creneau)> DemarrerAsync(Fournisseur fournisseur, TimeSpan dans)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges")))[0];
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro).Dans(dans)))[0];
        return (app, pro, creneau);
    }

    private static async Task<long> ReserverAsync(OpenCptsApp app, long creneau) =>
        Assert.IsType<ResultatReservation.Reservee>(await app.AvecServicesAsync(sp => sp.GetRequiredService<ReserverCreneau>()
            .ExecuteAsync(new DemandeReservation(creneau, ReservationTests.Patient, "Fièvre", OriginesReservation.Regulation, "regulateur@test.invalid"))))
        .Reservation.Id;

    private static Task<int> RappelerAsync(OpenCptsApp app) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerRappelsPatients>().ExecuteAsync());

    private static Task<List<string>> SmsPatientAsync(OpenCptsApp app) =>
        app.AvecDbAsync(db => db.MessagesSortants.Where(m => m.Destinataire == TelephonePatient).OrderBy(m => m.Id).Select(m => m.Texte).ToListAsync());

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_reminder_goes_once_at_the_delay_and_not_just_before(Fournisseur fournisseur)
    {
        var (app, _, creneau) = await DemarrerAsync(fournisseur, TimeSpan.FromHours(48));
        await using var __ = app;
        var reservation = await ReserverAsync(app, creneau);

        app.Horloge.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var avant = await RappelerAsync(app);
        app.Horloge.Advance(TimeSpan.FromSeconds(1));
        var aLHeure = await RappelerAsync(app);
        var ensuite = await RappelerAsync(app);

        Assert.Equal((0, 1, 0), (avant, aLHeure, ensuite));
        var rappel = Assert.Single(await SmsPatientAsync(app), t => t.Contains("rappel, rendez-vous", StringComparison.Ordinal));
        Assert.Contains("25/11/2026 10:00", rappel, StringComparison.Ordinal);
        Assert.Matches(Lien(), rappel);
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, await app.AvecDbAsync(db => db.ReservationsSnp.Where(r => r.Id == reservation).Select(r => r.RappelEnvoyeLeUtc).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_reminder_delay_is_a_setting(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, parametres: new Dictionary<string, string?> { ["OpenCpts:Snp:RappelAvant"] = "02:00:00" });
        await app.CreerCptsAsync("18033");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges")))[0];
        await ReserverAsync(app, (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro).Dans(TimeSpan.FromHours(48))))[0]);

        app.Horloge.Advance(TimeSpan.FromHours(24));
        var a24h = await RappelerAsync(app);
        app.Horloge.Advance(TimeSpan.FromHours(22));
        var a2h = await RappelerAsync(app);

        Assert.Equal((0, 1), (a24h, a2h));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_cancelled_booking_gets_no_reminder(Fournisseur fournisseur)
    {
        var (app, _, creneau) = await DemarrerAsync(fournisseur, TimeSpan.FromHours(48));
        await using var __ = app;
        var reservation = await ReserverAsync(app, creneau);
        await app.AvecServicesAsync(sp => sp.GetRequiredService<AnnulerReservation>().ExecuteAsync(reservation, "regulateur@test.invalid"));

        app.Horloge.Advance(TimeSpan.FromHours(24));

        Assert.Equal(0, await RappelerAsync(app));
        Assert.DoesNotContain(await SmsPatientAsync(app), t => t.Contains("rappel, rendez-vous", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_cancellation_link_shows_the_appointment_frees_the_slot_and_cannot_be_used_again(Fournisseur fournisseur)
    {
        var (app, pro, creneau) = await DemarrerAsync(fournisseur, TimeSpan.FromHours(48));
        await using var __ = app;
        var compte = await app.CompteProAsync(pro);
        var reservation = await ReserverAsync(app, creneau);
        var lien = "/rendez-vous/annulation/" + Lien().Match(Assert.Single(await SmsPatientAsync(app))).Groups[1].Value;
        var patient = app.Client();

        var page = await patient.GetStringAsync(lien);
        var annulation = await patient.PosterFormulaireAsync(lien, new Dictionary<string, string>());
        var revoir = await patient.GetAsync(lien);

        Assert.Contains("25/11/2026 10:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("DURAND", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, annulation.StatusCode);
        Assert.Contains("Votre rendez-vous est annulé", await annulation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, revoir.StatusCode);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(creneau));
        Assert.Equal(StatutsReservation.Annulee, await app.AvecDbAsync(db => db.ReservationsSnp.Where(r => r.Id == reservation).Select(r => r.Statut).SingleAsync()));
        Assert.Contains(await app.NotificationsDeAsync(compte.Id), n => n.Type == TypesNotification.ReservationAnnulee);
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Modification" && e.RessourceId == reservation.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Detail == "Annulée par le patient (lien d'annulation)")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_used_link_cannot_cancel_again(Fournisseur fournisseur)
    {
        var (app, _, creneau) = await DemarrerAsync(fournisseur, TimeSpan.FromHours(48));
        await using var __ = app;
        var reservation = await ReserverAsync(app, creneau);
        var jeton = await app.AvecServicesAsync(sp => Task.FromResult(sp.GetRequiredService<LienAnnulation>().Jeton(
            sp.GetRequiredService<Web.Infrastructure.Data.PerimetreCpts>().CptsId!.Value, reservation)));
        var patient = app.Client();
        var lien = "/rendez-vous/annulation/" + jeton;
        var formulaire = await patient.JetonAntiforgeryAsync(lien);
        Assert.Equal(HttpStatusCode.OK, (await patient.PostAsync(lien, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = formulaire }))).StatusCode);

        var encore = await patient.PostAsync(lien, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = formulaire }));

        Assert.Equal(HttpStatusCode.NotFound, encore.StatusCode);
        Assert.Equal(1, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Modification" && e.Detail == "Annulée par le patient (lien d'annulation)")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_forged_or_altered_link_is_refused_and_audited(Fournisseur fournisseur)
    {
        var (app, _, creneau) = await DemarrerAsync(fournisseur, TimeSpan.FromHours(48));
        await using var __ = app;
        await ReserverAsync(app, creneau);
        var vrai = Lien().Match(Assert.Single(await SmsPatientAsync(app))).Groups[1].Value;
        var modifie = vrai[..^3] + (vrai[^3] == 'A' ? 'B' : 'A') + vrai[^2..];
        var patient = app.Client();

        var invente = await patient.GetAsync("/rendez-vous/annulation/CfDJ8-invente");
        var altere = await patient.GetAsync("/rendez-vous/annulation/" + modifie);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (invente.StatusCode, altere.StatusCode));
        Assert.Equal(StatutsCreneau.Reserve, await app.StatutCreneauAsync(creneau));
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.Ressource == "ReservationSnp")) >= 2);
    }
}
