using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Geocodage;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Disponibilites;

public class GeocoderTerritoireTests
{
    /// <summary>A BAN stub that knows Bourges (commune and its one address) and nothing else; counts the calls.</summary>
    private static async Task<(WebApplication Bouchon, Uri Adresse, Func<int> Appels)> BouchonAsync()
    {
        var appels = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var bouchon = builder.Build();
        bouchon.MapGet("/search/", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref appels);
            ctx.Response.ContentType = "application/json";
            var (lon, lat) = ctx.Request.Query["citycode"] != "18033" ? (0.0, 0.0)
                : ctx.Request.Query["type"] == "municipality" ? (2.398782, 47.081012) : (2.3912, 47.0844);
            await ctx.Response.WriteAsync(lat == 0
                ? """{"type":"FeatureCollection","features":[]}"""
                : $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},{{{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]},"properties":{"score":0.91}}]}""");
        });
        await bouchon.StartAsync();
        var adresse = new Uri(bouchon.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return (bouchon, adresse, () => Volatile.Read(ref appels));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Missing_coordinates_of_the_territory_are_filled_and_failures_are_not_retried_at_once(Fournisseur fournisseur)
    {
        var (bouchon, adresse, appels) = await BouchonAsync();
        await using var _ = bouchon;
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, s => s.AddHttpClient<ClientBan>(h => h.BaseAddress = adresse));
        await app.CreerCptsAsync("18033", "18205");
        await app.AjouterAsync(new ProfessionnelBuilder().ExerceA("18033", "Bourges"), new ProfessionnelBuilder().ExerceA("18205", "Saint-Doulchard"));

        var bilan = await app.AvecServicesAsync(sp => sp.GetRequiredService<GeocoderTerritoire>().ExecuteAsync());
        var appelsApresPremier = appels();
        var second = await app.AvecServicesAsync(sp => sp.GetRequiredService<GeocoderTerritoire>().ExecuteAsync());

        Assert.Equal(new BilanGeocodage(1, 1, 2), bilan);
        var bourges = await app.AvecDbAsync(db => db.Communes.Where(c => c.CodeInsee == "18033").Select(c => new { c.Latitude, c.Longitude }).SingleAsync());
        Assert.Equal((47.081012, 2.398782), (bourges.Latitude!.Value, bourges.Longitude!.Value));
        Assert.Equal(47.0844, await app.AvecDbAsync(db => db.Activites.Where(a => a.CodeCommune == "18033").Select(a => a.Latitude).SingleAsync()));
        Assert.Equal(new BilanGeocodage(0, 0, 0), second);
        Assert.Equal(appelsApresPremier, appels());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_places_a_site_by_hand(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder().ExerceA("18033", "Bourges")))[0];
        var activite = await app.ActiviteAsync(pro);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        await client.PosterFormulaireAsync("/snp/geocodage", new Dictionary<string, string>
        {
            ["activiteId"] = activite.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["latitude"] = "47,0844",
            ["longitude"] = "2,3912",
        }, "/snp/geocodage?handler=Coordonnees");

        var site = await app.AvecDbAsync(db => db.Activites.Where(a => a.Id == activite).Select(a => new { a.Latitude, a.Longitude }).SingleAsync());
        Assert.Equal((47.0844, 2.3912), (site.Latitude!.Value, site.Longitude!.Value));
    }
}
