using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes;

public class ApiSnpTests
{
    private static object Corps(long slotId, string telephone = "06 12 34 56 78") => new
    {
        slotId = slotId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        patient = new { nom = "DURAND", prenom = "Alice", dateNaissance = "1980-05-17", telephone, communeInsee = "18033" },
        motif = "Douleur à l'oreille",
    };

    private static async Task<(OpenCptsApp App, int Pro, string Rpps)> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205");
        var builder = new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges");
        var ids = await app.AjouterAsync(builder);
        return (app, ids[0], builder.Rpps);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Free_slots_are_listed_with_Paris_offsets(Fournisseur fournisseur)
    {
        var (app, pro, rpps) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var activite = await app.ActiviteAsync(pro);
        var ids = await app.AjouterCreneauxAsync(
            new CreneauSnpBuilder(pro).Au(activite).DeType(TypesConsultation.Teleconsultation),
            new CreneauSnpBuilder(pro).Au(activite).Dans(TimeSpan.FromHours(2)).Statut(StatutsCreneau.Reserve),
            new CreneauSnpBuilder(pro).Au(activite).Dans(TimeSpan.FromHours(-2)));
        var client = await app.ClientApiAsync(Roles.Regulation);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/snp/creneaux?from=2026-11-23T08:00:00%2B01:00&to=2026-11-25T20:00:00%2B01:00");

        var creneau = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(ids[0], creneau.GetProperty("id").GetInt64());
        Assert.Equal("2026-11-23T11:00:00+01:00", creneau.GetProperty("start").GetString());
        Assert.Equal("2026-11-23T11:20:00+01:00", creneau.GetProperty("end").GetString());
        Assert.Equal(rpps, creneau.GetProperty("rpps").GetString());
        Assert.Equal("VR", creneau.GetProperty("type").GetString());
        Assert.Equal("SNP", creneau.GetProperty("visibility").GetString());
        Assert.Equal("18033", creneau.GetProperty("commune").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/snp/creneaux?type=AMB")).GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Booking_answers_201_with_its_location_then_409_for_the_same_slot(Fournisseur fournisseur)
    {
        var (app, pro, rpps) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var client = await app.ClientApiAsync(Roles.Regulation);

        var premiere = await client.PostAsJsonAsync("/api/snp/reservations", Corps(creneau));
        var seconde = await client.PostAsJsonAsync("/api/snp/reservations", Corps(creneau));

        Assert.Equal(HttpStatusCode.Created, premiere.StatusCode);
        var reservation = await premiere.Content.ReadFromJsonAsync<JsonElement>();
        var id = reservation.GetProperty("id").GetInt64();
        Assert.Equal($"/api/snp/reservations/{id}", premiere.Headers.Location?.OriginalString);
        Assert.Equal(creneau, reservation.GetProperty("slotId").GetInt64());
        Assert.Equal(rpps, reservation.GetProperty("rpps").GetString());
        Assert.Equal("2026-11-23T11:00:00+01:00", reservation.GetProperty("start").GetString());
        Assert.Equal("Confirmee", reservation.GetProperty("statut").GetString());
        Assert.Equal(HttpStatusCode.Conflict, seconde.StatusCode);
        Assert.Equal("application/problem+json", seconde.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/snp/reservations/{id}")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invalid_booking_answers_400_naming_each_invalid_field(Fournisseur fournisseur)
    {
        var (app, pro, _) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var client = await app.ClientApiAsync(Roles.Regulation);

        var reponse = await client.PostAsJsonAsync("/api/snp/reservations", new
        {
            slotId = creneau,
            patient = new { nom = "", prenom = "Alice", dateNaissance = "17/05/1980", telephone = "123", communeInsee = "00000" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var probleme = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        var champs = probleme.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["patient.communeInsee", "patient.dateNaissance", "patient.nom", "patient.telephone"], champs);
        Assert.Contains("AAAA-MM-JJ", probleme.GetProperty("errors").GetProperty("patient.dateNaissance")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(creneau));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Deleting_a_booking_answers_204_and_frees_the_slot_and_404_when_unknown(Fournisseur fournisseur)
    {
        var (app, pro, _) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var client = await app.ClientApiAsync(Roles.Coordination);
        var id = (await (await client.PostAsJsonAsync("/api/snp/reservations", Corps(creneau))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var suppression = await client.DeleteAsync($"/api/snp/reservations/{id}");
        var inconnue = await client.DeleteAsync("/api/snp/reservations/987654");

        Assert.Equal(HttpStatusCode.NoContent, suppression.StatusCode);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(creneau));
        Assert.Equal(HttpStatusCode.NotFound, inconnue.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_api_answers_401_without_a_token_and_403_to_a_professional(Fournisseur fournisseur)
    {
        var (app, _, _) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        var professionnel = await app.ClientApiAsync(Roles.Professionnel);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/snp/creneaux")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsJsonAsync("/api/snp/reservations", Corps(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.GetAsync("/api/snp/creneaux")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Fifty_parallel_bookings_of_one_slot_give_exactly_one_201_and_49_409(Fournisseur fournisseur)
    {
        var (app, pro, _) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var jeton = await app.JetonApiAsync(Roles.Regulation);
        var clients = Enumerable.Range(0, 50).Select(_ =>
        {
            var c = app.Client();
            c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
            return c;
        }).ToList();

        using var depart = new ManualResetEventSlim();
        var taches = clients.Select(c => Task.Run(async () =>
        {
            depart.Wait();
            return (await c.PostAsJsonAsync("/api/snp/reservations", Corps(creneau))).StatusCode;
        })).ToList();
        depart.Set();
        var codes = await Task.WhenAll(taches);

        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(49, codes.Count(c => c == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.ReservationsActivesAsync(creneau));
        Assert.Equal(1, await app.AvecDbAsync(db => db.ReservationsSnp.CountAsync()));
        Assert.Equal(StatutsCreneau.Reserve, await app.StatutCreneauAsync(creneau));
    }
}
