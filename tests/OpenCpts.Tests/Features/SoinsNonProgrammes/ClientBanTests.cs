using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCpts.Web.Infrastructure.Geocodage;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes;

/// <summary>The address-service client against a loopback stub that answers like api-adresse.data.gouv.fr.</summary>
public sealed class ClientBanTests : IAsyncLifetime
{
    private WebApplication _bouchon = null!;
    private Uri _adresse = null!;
    private readonly List<string> _requetes = [];

    private const string Bourges = """
        {"type":"FeatureCollection","version":"draft","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2.398782,47.081012]},
        "properties":{"label":"Bourges","score":0.97,"id":"18033","type":"municipality","name":"Bourges","postcode":"18000","citycode":"18033",
        "x":655142.5,"y":6665437.48,"population":64186,"city":"Bourges","context":"18, Cher, Centre-Val de Loire","importance":0.6}}],
        "attribution":"BAN","licence":"ETALAB-2.0","query":"Bourges","filters":{"type":"municipality","citycode":"18033"},"limit":1}
        """;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _bouchon = builder.Build();
        _bouchon.MapGet("/search/", async (HttpContext ctx) =>
        {
            _requetes.Add(ctx.Request.QueryString.Value ?? "");
            var q = ctx.Request.Query["q"].ToString();
            switch (q)
            {
                case "Bourges":
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync(Bourges);
                    break;
                case "panne":
                    ctx.Response.StatusCode = 500;
                    break;
                case "lent":
                    await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                    break;
                default:
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync("""{"type":"FeatureCollection","features":[]}""");
                    break;
            }
        });
        await _bouchon.StartAsync();
        _adresse = new Uri(_bouchon.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync() => await _bouchon.DisposeAsync();

    private ClientBan Client(TimeSpan? delai = null) =>
        new(new HttpClient { BaseAddress = _adresse, Timeout = delai ?? TimeSpan.FromSeconds(5) }, NullLogger<ClientBan>.Instance);

    [Fact]
    public async Task A_commune_centre_is_read_from_the_first_feature_longitude_first()
    {
        var point = await Client().CommuneAsync("Bourges", "18033", TestContext.Current.CancellationToken);

        Assert.Equal(new PointGeo(47.081012, 2.398782, 0.97), point);
        Assert.Contains("type=municipality", _requetes.Single(), StringComparison.Ordinal);
        Assert.Contains("citycode=18033", _requetes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_is_searched_within_its_commune_with_one_result()
    {
        var point = await Client().AdresseAsync("1 rue des Tilleuls", "18033", TestContext.Current.CancellationToken);

        Assert.Null(point);
        Assert.Equal("?q=1%20rue%20des%20Tilleuls&citycode=18033&limit=1", _requetes.Single());
    }

    [Fact]
    public async Task A_server_error_gives_no_point_and_no_exception() =>
        Assert.Null(await Client().CommuneAsync("panne", "18033", TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_timeout_gives_no_point_and_no_exception() =>
        Assert.Null(await Client(TimeSpan.FromMilliseconds(300)).CommuneAsync("lent", "18033", TestContext.Current.CancellationToken));

    [Fact]
    public async Task An_unreachable_service_gives_no_point_and_no_exception()
    {
        var client = new ClientBan(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9"), Timeout = TimeSpan.FromSeconds(2) }, NullLogger<ClientBan>.Instance);

        Assert.Null(await client.CommuneAsync("Bourges", "18033", TestContext.Current.CancellationToken));
    }
}
