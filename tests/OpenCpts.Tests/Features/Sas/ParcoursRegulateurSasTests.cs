using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using Task = System.Threading.Tasks.Task;

namespace OpenCpts.Tests.Features.Sas;

/// <summary>A SAS regulator: pushed by the SAS, signed in by a single-use link, books, and the SAS gets the Appointment.</summary>
public class ParcoursRegulateurSasTests
{
    private const string IdRegulateur = "3999990001/77777777";

    private sealed record Situation(OpenCptsApp App, HttpClient Sas, long Creneau, string Rpps);

    private static async Task<Situation> PreparerAsync(Fournisseur fournisseur, string? urlPlateforme = null)
    {
        var app = await PlateformeSas.DemarrerAsync(fournisseur,
            urlPlateforme is null ? null : new Dictionary<string, string?> { ["OpenCpts:Sas:UrlPlateforme"] = urlPlateforme });
        var sas = await app.ClientPlateformeAsync();
        var cree = await sas.PostAsync("/fhir/Practitioner", PlateformeSas.Fhir(PlateformeSas.Regulateur(valeur: IdRegulateur)));
        Assert.Equal(HttpStatusCode.Created, cree.StatusCode);
        var builder = new ProfessionnelBuilder("BLANC", "Marc").ExerceA("18033", "Bourges").MembreDe(await app.AjouterCptsAsync("CPTS"));
        var (pro, site) = await app.AjouterMembreAsync(builder);
        var creneau = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(1)));
        return new Situation(app, sas, creneau, builder.Rpps);
    }

    private static async Task<HttpResponseMessage> DemanderLienAsync(HttpClient sas, long creneau, string valeur = IdRegulateur) =>
        await sas.PostAsync("/fhir/Practitioner/$connexion-regulateur", PlateformeSas.Fhir($$"""
            { "resourceType": "Parameters", "parameter": [
                { "name": "identifier", "valueIdentifier": { "system": "{{SituationSas.Idnps}}", "value": "{{valeur}}" } },
                { "name": "slot", "valueReference": { "reference": "Slot/{{creneau}}" } } ] }
            """));

    private static async Task<string> LienAsync(HttpClient sas, long creneau)
    {
        var reponse = await DemanderLienAsync(sas, creneau);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var json = JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!;
        var url = (string)json["parameter"]!.AsArray().First(p => (string?)p!["name"] == "url")!["valueUrl"]!;
        Assert.StartsWith(SituationSas.UrlPublique + "/sas/connexion?jeton=", url);
        return new Uri(url).PathAndQuery;
    }

    /// <summary>A browser following the link: signed in and on the booking page, or not.</summary>
    private static async Task<(HttpClient Navigateur, HttpResponseMessage Reponse)> SuivreAsync(OpenCptsApp app, string lien)
    {
        var navigateur = app.Client();
        return (navigateur, await navigateur.GetAsync(lien));
    }

    private static Task<HttpResponseMessage> ReserverAsync(HttpClient navigateur, long creneau) =>
        navigateur.PosterFormulaireAsync($"/sas/reserver?creneau={creneau}&origin=sas", new Dictionary<string, string>
        {
            ["Nom"] = "FICTIF",
            ["Prenom"] = "Jeanne",
            ["DateNaissance"] = "1980-04-02",
            ["Telephone"] = "06 39 98 12 34",
            ["CommuneInsee"] = "18033",
            ["Motif"] = "Fièvre",
        });

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_sign_in_link_signs_the_regulator_in_and_lands_on_the_booking_of_the_slot(Fournisseur fournisseur)
    {
        var s = await PreparerAsync(fournisseur);
        await using var app = s.App;

        var (navigateur, reponse) = await SuivreAsync(app, await LienAsync(s.Sas, s.Creneau));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal($"/sas/reserver?creneau={s.Creneau}&origin=sas", reponse.Headers.Location?.OriginalString);
        var page = await navigateur.GetAsync(reponse.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Réserver ce créneau", await page.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_sign_in_link_works_only_once(Fournisseur fournisseur)
    {
        var s = await PreparerAsync(fournisseur);
        await using var app = s.App;
        var lien = await LienAsync(s.Sas, s.Creneau);
        await SuivreAsync(app, lien);

        var (_, seconde) = await SuivreAsync(app, lien);

        Assert.Equal(HttpStatusCode.Forbidden, seconde.StatusCode);
        Assert.Contains("Lien de connexion invalide", await seconde.Content.ReadAsStringAsync());
        Assert.DoesNotContain(seconde.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("OpenCpts.RegulateurSas", StringComparison.Ordinal)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_sign_in_link_expires_after_120_seconds(Fournisseur fournisseur)
    {
        var s = await PreparerAsync(fournisseur);
        await using var app = s.App;
        var lien = await LienAsync(s.Sas, s.Creneau);

        app.Horloge.Advance(TimeSpan.FromSeconds(121));
        var (_, reponse) = await SuivreAsync(app, lien);

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Origin_sas_in_the_address_without_a_session_signs_nobody_in(Fournisseur fournisseur)
    {
        var s = await PreparerAsync(fournisseur);
        await using var app = s.App;

        var reponse = await app.Client().GetAsync($"/sas/reserver?creneau={s.Creneau}&origin=sas");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Contains("pas connecté comme régulateur SAS", html);
        Assert.DoesNotContain("Réserver ce créneau", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_SAS_platform_may_ask_for_a_sign_in_link(Fournisseur fournisseur)
    {
        var s = await PreparerAsync(fournisseur);
        await using var app = s.App;

        var reponse = await DemanderLienAsync(await app.ClientApiAsync(OpenCpts.Web.Features.Comptes.Roles.Regulation), s.Creneau);

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_booking_from_the_SAS_is_posted_to_the_SAS_then_its_cancellation_is_put(Fournisseur fournisseur)
    {
        await using var bouchon = await PlateformeSasBouchon.DemarrerAsync();
        var s = await PreparerAsync(fournisseur, bouchon.Adresse);
        await using var app = s.App;
        var (navigateur, _) = await SuivreAsync(app, await LienAsync(s.Sas, s.Creneau));

        var page = await ReserverAsync(navigateur, s.Creneau);
        Assert.Contains("Rendez-vous confirmé", await page.Content.ReadAsStringAsync());
        var reservation = await app.AvecDbAsync(db => db.ReservationsSnp.SingleAsync());
        Assert.Equal(OriginesReservation.Sas, reservation.Origine);
        Assert.Equal(1, await app.AvecDbAsync(db => db.EnvoisSas.CountAsync(e => e.EnvoyeLeUtc == null)));
        Assert.Equal(1, await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoisSas>().TraiterAsync()));

        await app.AvecServicesAsync(sp => sp.GetRequiredService<AnnulerReservation>().ExecuteAsync(reservation.Id, "regulation@test.invalid"));
        Assert.Equal(1, await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoisSas>().TraiterAsync()));

        var recus = bouchon.Recus.ToArray();
        Assert.Equal(["POST", "PUT"], recus.Select(r => r.Methode));
        var cree = JsonSerializer.Deserialize<Appointment>(recus[0].Corps, SituationSas.Fhir)!;
        Assert.Equal([EnvoyerRendezVousSas.ProfilAppointment], cree.Meta!.Profile);
        Assert.Equal(Appointment.AppointmentStatus.Booked, cree.Status);
        Assert.Equal((SituationSas.UrlPublique + "/fhir/sid/rendez-vous", reservation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (cree.Identifier[0].System, cree.Identifier[0].Value));
        Assert.Equal(("2026-11-23T15:00:00.000+01:00", "2026-11-23T15:20:00.000+01:00"), (cree.StartElement!.JsonValue, cree.EndElement!.JsonValue));
        Assert.Equal("8" + s.Rpps, cree.Participant[0].Actor!.Identifier!.Value);
        var operateur = Assert.IsType<ResourceReference>(cree.GetExtension(EnvoyerRendezVousSas.ExtensionOperateur)!.Value);
        Assert.Equal((SituationSas.Idnps, IdRegulateur), (operateur.Identifier!.System, operateur.Identifier.Value));
        var annule = JsonSerializer.Deserialize<Appointment>(recus[1].Corps, SituationSas.Fhir)!;
        Assert.Equal(Appointment.AppointmentStatus.Cancelled, annule.Status);
        Assert.Contains("identifier=", recus[1].Requete);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_push_the_SAS_answers_with_500_is_retried_after_a_delay_and_sent(Fournisseur fournisseur)
    {
        await using var bouchon = await PlateformeSasBouchon.DemarrerAsync();
        bouchon.StatutsForces.Enqueue(500);
        var s = await PreparerAsync(fournisseur, bouchon.Adresse);
        await using var app = s.App;
        var (navigateur, _) = await SuivreAsync(app, await LienAsync(s.Sas, s.Creneau));
        await ReserverAsync(navigateur, s.Creneau);

        var premier = await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoisSas>().TraiterAsync());
        var tropTot = await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoisSas>().TraiterAsync());
        app.Horloge.Advance(EnvoisSas.Attente(1));
        var apresDelai = await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoisSas>().TraiterAsync());

        Assert.Equal((0, 0, 1), (premier, tropTot, apresDelai));
        Assert.Equal(2, bouchon.Recus.Count);
        var envoi = await app.AvecDbAsync(db => db.EnvoisSas.SingleAsync());
        Assert.Equal(2, envoi.Tentatives);
        Assert.NotNull(envoi.EnvoyeLeUtc);
        Assert.StartsWith("Refuse 500", envoi.DerniereErreur);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_booking_made_at_the_CPTS_desk_is_not_pushed_to_the_SAS(Fournisseur fournisseur)
    {
        await using var bouchon = await PlateformeSasBouchon.DemarrerAsync();
        var s = await PreparerAsync(fournisseur, bouchon.Adresse);
        await using var app = s.App;

        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<ReserverCreneau>().ExecuteAsync(new DemandeReservation(s.Creneau,
            new OpenCpts.Web.Infrastructure.Patients.SaisieIdentite("FICTIF", "Jeanne", new DateOnly(1980, 4, 2), Telephone: "0639981234", CommuneInsee: "18033"), null, OriginesReservation.Regulation, "regulation@test.invalid")));

        Assert.IsType<ResultatReservation.Reservee>(resultat);
        Assert.Equal(0, await app.AvecDbAsync(db => db.EnvoisSas.CountAsync()));
    }
}
