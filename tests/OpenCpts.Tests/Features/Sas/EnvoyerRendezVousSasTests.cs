using System.Collections.Concurrent;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Sas;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

namespace OpenCpts.Tests.Features.Sas;

/// <summary>A stand-in for the SAS platform on a loopback port: records what it receives, answers like the guide says.</summary>
public sealed class PlateformeSasBouchon : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(string Methode, string Chemin, string Requete, string ContentType, string Corps)> Recus { get; } = new();

    public string Adresse { get; }

    /// <summary>Statuses to answer first (500…), before the normal 201/200.</summary>
    public ConcurrentQueue<int> StatutsForces { get; } = new();

    private PlateformeSasBouchon(WebApplication app, string adresse)
    {
        _app = app;
        Adresse = adresse;
    }

    public static async Task<PlateformeSasBouchon> DemarrerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        PlateformeSasBouchon? bouchon = null;
        app.MapMethods("/sas/fhir/Appointment", ["POST", "PUT"], async (HttpContext http) =>
        {
            using var lecteur = new StreamReader(http.Request.Body);
            bouchon!.Recus.Enqueue((http.Request.Method, http.Request.Path, http.Request.QueryString.Value ?? "", http.Request.ContentType ?? "", await lecteur.ReadToEndAsync()));
            if (bouchon.StatutsForces.TryDequeue(out var force))
            {
                return Results.StatusCode(force);
            }
            http.Response.Headers.Location = "/sas/fhir/Appointment/12345";
            return Results.StatusCode(http.Request.Method == "POST" ? 201 : 200);
        });
        await app.StartAsync();
        var adresse = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bouchon = new PlateformeSasBouchon(app, adresse + "/sas/fhir");
        return bouchon;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public class EnvoyerRendezVousSasTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async System.Threading.Tasks.Task A_SAS_booking_is_posted_then_its_cancellation_is_a_conditional_put(Fournisseur fournisseur)
    {
        await using var sas = await PlateformeSasBouchon.DemarrerAsync();
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, s =>
        {
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
            s.Configure<OptionsSas>(o =>
            {
                o.UrlPublique = SituationSas.UrlPublique;
                o.UrlPlateforme = sas.Adresse;
            });
        });
        var builder = new ProfessionnelBuilder("BLANC", "Marc").ExerceA("18033", "Bourges").MembreDe(await app.AjouterCptsAsync("CPTS"));
        var (pro, site) = await app.AjouterMembreAsync(builder);
        var creneau = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(1)), statut: StatutsCreneau.Reserve);
        var reservation = await app.AvecDbAsync(async db =>
        {
            var r = new ReservationSnp
            {
                CreneauSnpId = creneau,
                NomPatient = "FICTIF",
                PrenomPatient = "Jean",
                DateNaissance = new DateOnly(1980, 1, 1),
                Origine = OriginesReservation.Sas,
                CreeLeUtc = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
            };
            db.ReservationsSnp.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var regulateur = new RegulateurSas(RegulateurSas.SystemeTechniqueSas, "b6e39355-8a61-4556-b340-36f7b95fec6a");

        var envoi = await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerRendezVousSas>().ExecuterAsync(reservation, regulateur));
        await app.AvecDbAsync(async db =>
        {
            var r = await db.ReservationsSnp.FindAsync(reservation);
            r!.Statut = StatutsReservation.Annulee;
            r.Active = false;
            await db.SaveChangesAsync();
        });
        var annulation = await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerRendezVousSas>().ExecuterAsync(reservation, regulateur));

        Assert.Equal(new ResultatEnvoiSas(IssueEnvoiSas.Envoye, 201), envoi);
        Assert.Equal(new ResultatEnvoiSas(IssueEnvoiSas.Envoye, 200), annulation);
        var recus = sas.Recus.ToArray();
        Assert.Equal(2, recus.Length);
        Assert.Equal("POST", recus[0].Methode);
        Assert.StartsWith("application/fhir+json", recus[0].ContentType);
        var cree = JsonSerializer.Deserialize<Appointment>(recus[0].Corps, SituationSas.Fhir)!;
        Assert.Equal([EnvoyerRendezVousSas.ProfilAppointment], cree.Meta!.Profile);
        Assert.Equal(Appointment.AppointmentStatus.Booked, cree.Status);
        Assert.Equal("2026-11-23T15:00:00.000+01:00", cree.StartElement!.JsonValue);
        var identifiant = Assert.Single(cree.Identifier);
        Assert.Equal(SituationSas.UrlPublique + "/fhir/sid/rendez-vous", identifiant.System);
        var participant = Assert.Single(cree.Participant);
        Assert.Equal("8" + builder.Rpps, participant.Actor!.Identifier!.Value);
        Assert.Equal(ParticipationStatus.Accepted, participant.Status);
        var operateur = Assert.IsType<ResourceReference>(cree.GetExtension(EnvoyerRendezVousSas.ExtensionOperateur)!.Value);
        Assert.Equal(("urn:oid:1.2.250.1.213.3.6", "b6e39355-8a61-4556-b340-36f7b95fec6a", "INTRN"),
            (operateur.Identifier!.System, operateur.Identifier.Value, operateur.Identifier.Type!.Coding[0].Code));

        Assert.Equal("PUT", recus[1].Methode);
        Assert.Equal($"identifier={identifiant.System}|{identifiant.Value}", Uri.UnescapeDataString(recus[1].Requete.TrimStart('?')));
        var annule = JsonSerializer.Deserialize<Appointment>(recus[1].Corps, SituationSas.Fhir)!;
        Assert.Equal(Appointment.AppointmentStatus.Cancelled, annule.Status);
        Assert.Equal(identifiant.Value, annule.Identifier[0].Value);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async System.Threading.Tasks.Task Without_a_SAS_address_nothing_is_sent(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var envoi = await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerRendezVousSas>().ExecuterAsync(1, null));

        Assert.Equal(IssueEnvoiSas.NonConfigure, envoi.Issue);
    }
}
