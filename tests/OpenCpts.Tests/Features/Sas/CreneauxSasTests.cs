using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.Sas;

public class CreneauxSasTests
{
    private static readonly TimeSpan Hiver = TimeSpan.FromHours(1);
    private static readonly TimeSpan Ete = TimeSpan.FromHours(2);

    private static async Task<(OpenCptsApp App, HttpClient Client, int Pro, int Site, string Idnps)> MembreAsync(Fournisseur fournisseur, DateTimeOffset maintenant, int nombreCpts = 1)
    {
        var app = await SituationSas.DemarrerAsync(fournisseur, maintenant);
        var builder = new ProfessionnelBuilder("DURAND", "Claire").ExerceA("18033", "Bourges", "0248000001");
        for (var i = 1; i <= nombreCpts; i++)
        {
            builder.MembreDe(await app.AjouterCptsAsync($"CPTS {i}", finess: $"18000000{i}"));
        }
        var (pro, site) = await app.AjouterMembreAsync(builder);
        return (app, await app.ClientSasAsync(), pro, site, "8" + builder.Rpps);
    }

    private static List<string?> Debuts(JsonNode bundle) => [.. bundle.Ressources("Slot").Select(s => (string?)s["start"])];

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Slots_around_the_daylight_saving_changes_carry_the_Paris_offset_of_their_day(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 3, 28, 17, 0, 0, Hiver));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 3, 29, 17, 0, 0, Ete));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 24, 17, 0, 0, Ete));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 25, 17, 0, 0, Hiver));

        var (_, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-03-01T00:00:00.000+01:00", "2026-11-01T00:00:00.000+01:00", idnps));

        Assert.Equal(
            ["2026-03-28T17:00:00.000+01:00", "2026-03-29T17:00:00.000+02:00", "2026-10-24T17:00:00.000+02:00", "2026-10-25T17:00:00.000+01:00"],
            Debuts(bundle));
        Assert.Equal("2026-10-25T17:20:00.000+01:00", (string?)bundle.Ressources("Slot").Last()["end"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_start_window_with_offsets_selects_exactly_the_slots_inside_it(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        // The window is the day of 25 October in Paris: from midnight summer time to 23:00 winter time.
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 24, 23, 40, 0, Ete));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 25, 0, 0, 0, Ete));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 25, 2, 30, 0, Hiver));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 25, 23, 0, 0, Hiver));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 10, 25, 23, 20, 0, Hiver));

        var (_, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-10-25T00:00:00.000+02:00", "2026-10-25T23:00:00.000+01:00", idnps));

        Assert.Equal(["2026-10-25T00:00:00.000+02:00", "2026-10-25T02:30:00.000+01:00", "2026-10-25T23:00:00.000+01:00"], Debuts(bundle));
        Assert.Equal(3, (int?)bundle["total"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Booked_withdrawn_and_past_slots_are_never_returned(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        var passe = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 9, 40, 0, Hiver));
        var reserve = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver), statut: StatutsCreneau.Reserve);
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 20, 0, Hiver), statut: StatutsCreneau.Retire);
        var libre = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 40, 0, Hiver));

        var (_, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", idnps));
        var lectureReserve = await client.GetAsync($"/fhir/Slot/{reserve}");
        var lecturePasse = await client.GetAsync($"/fhir/Slot/{passe}");

        Assert.Equal([libre.ToString(System.Globalization.CultureInfo.InvariantCulture)], bundle.Ressources("Slot").Select(s => (string?)s["id"]));
        Assert.Equal(HttpStatusCode.NotFound, lectureReserve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lecturePasse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_slot_booked_after_a_search_is_gone_from_the_next_search(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        var premier = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver));
        var second = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 20, 0, Hiver));
        var requete = SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", idnps);
        var (_, avant) = await client.GetFhirAsync(requete);

        await app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.Id == premier)
            .ExecuteUpdateAsync(m => m.SetProperty(c => c.Statut, StatutsCreneau.Reserve)));
        var (_, apres) = await client.GetFhirAsync(requete);

        Assert.Equal(2, (int?)avant["total"]);
        Assert.Equal([second.ToString(System.Globalization.CultureInfo.InvariantCulture)], apres.Ressources("Slot").Select(s => (string?)s["id"]));
        Assert.Equal(1, (int?)apres["total"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_slot_or_professional_changed_after_a_search_is_served_with_its_new_content(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        var creneau = await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver), motif: "Renouvellement");
        var requete = SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", idnps);
        await client.GetFhirAsync(requete);

        await app.AvecDbAsync(async db =>
        {
            await db.CreneauxSnp.Where(c => c.Id == creneau).ExecuteUpdateAsync(m => m
                .SetProperty(c => c.Motif, "Fièvre de l'enfant")
                .SetProperty(c => c.TypeConsultation, TypesConsultation.Domicile));
            await db.Professionnels.Where(p => p.Id == pro).ExecuteUpdateAsync(m => m.SetProperty(p => p.Nom, "DURAND-MARTIN"));
        });
        var (_, bundle) = await client.GetFhirAsync(requete);

        var slot = Assert.Single(bundle.Ressources("Slot"));
        var textes = slot["serviceType"]!.AsArray().Select(s => (string?)s!["text"]).Where(t => t is not null);
        Assert.Equal(["Fièvre de l'enfant"], textes);
        Assert.Equal("HH", (string?)slot["serviceType"]![0]!["coding"]![0]!["code"]);
        var practitioner = Assert.Single(bundle.Ressources("Practitioner"));
        Assert.Equal("DURAND-MARTIN", (string?)practitioner["name"]![0]!["family"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Slots_of_professionals_of_no_CPTS_here_are_not_returned(Fournisseur fournisseur)
    {
        await using var app = await SituationSas.DemarrerAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var builder = new ProfessionnelBuilder("HORS", "Cpts").ExerceA("18033", "Bourges");
        var (pro, site) = await app.AjouterMembreAsync(builder);
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver));
        var client = await app.ClientSasAsync();

        var (reponse, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", "8" + builder.Rpps));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(0, (int?)bundle["total"]);
        Assert.Empty(bundle.Entrees());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_in_two_CPTS_gives_two_HealthcareServices_and_two_Organizations(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), nombreCpts: 2);
        await using var _app = app;
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver));
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 20, 0, Hiver));

        var (_, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", idnps));

        Assert.Equal(2, (int?)bundle["total"]);
        Assert.Equal(2, bundle.Ressources("HealthcareService").Count());
        Assert.Equal(2, bundle.Ressources("Organization").Count());
        Assert.Single(bundle.Ressources("Schedule"));
        Assert.Single(bundle.Ressources("Practitioner"));
        var services = bundle.Ressources("HealthcareService").Select(h => $"HealthcareService/{h["id"]}").ToList();
        Assert.All(bundle.Ressources("Slot"), slot => Assert.Equal(services,
            slot["serviceType"]!.AsArray().Where(s => s!["extension"] is not null).Select(s => (string?)s!["extension"]![0]!["valueReference"]!["reference"])));
        Assert.Equal(["1180000001", "1180000002"], bundle.Ressources("Organization").Select(o => (string?)o["identifier"]![0]!["value"]));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_include_only_the_matching_slots_are_returned(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver), visibilite: Visibilites.Cpts, type: TypesConsultation.Teleconsultation, avecRendezVous: false);

        var (reponse, bundle) = await client.GetFhirAsync(
            $"/fhir/Slot?start=ge2026-11-23T00:00:00.000%2B01:00&start=le2026-11-24T00:00:00.000%2B01:00&schedule.actor:Practitioner.identifier={SituationSas.Idnps}%7C{idnps}&status=free");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var entree = Assert.Single(bundle.Entrees());
        Assert.Equal("match", (string?)entree["search"]!["mode"]);
        var slot = entree["resource"]!;
        Assert.Equal(["CPTS"], slot["meta"]!["security"]!.AsArray().Select(c => (string?)c!["code"]));
        Assert.Equal("VR", (string?)slot["serviceType"]![0]!["coding"]![0]!["code"]);
        Assert.Equal("WALKIN", (string?)slot["appointmentType"]!["coding"]![0]!["code"]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Slots_of_several_professionals_are_tied_to_their_own_schedule(Fournisseur fournisseur)
    {
        var (app, client, pro, site, idnps) = await MembreAsync(fournisseur, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _app = app;
        var cpts = await app.AjouterCptsAsync("CPTS bis");
        var autre = new ProfessionnelBuilder("PETIT", "Luc").ExerceA("18033", "Bourges").MembreDe(cpts);
        var (pro2, site2) = await app.AjouterMembreAsync(autre);
        await app.AjouterCreneauAsync(pro, site, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver));
        await app.AjouterCreneauAsync(pro2, site2, new DateTimeOffset(2026, 11, 23, 11, 0, 0, Hiver));

        var (_, bundle) = await client.GetFhirAsync(SituationSas.RequeteSas("2026-11-23T00:00:00.000+01:00", "2026-11-24T00:00:00.000+01:00", idnps, "8" + autre.Rpps));

        Assert.Equal(2, (int?)bundle["total"]);
        Assert.Equal(2, bundle.Ressources("Schedule").Count());
        Assert.Equal(2, bundle.Ressources("PractitionerRole").Count());
        Assert.Equal(2, bundle.Ressources("Practitioner").Count());
        Assert.Equal(2, bundle.Ressources("Organization").Count());
        // The second CPTS has no FINESS: its Organization carries no national identifier rather than a false one.
        Assert.Null(bundle.Ressources("Organization").Single(o => (string?)o["name"] == "CPTS bis")["identifier"]);
    }
}
