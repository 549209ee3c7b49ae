using System.Text.Json;

namespace OpenCpts.Web.Infrastructure.Geocodage;

/// <summary>A point found by the address service, with its relevance score (0–1).</summary>
public sealed record PointGeo(double Latitude, double Longitude, double Score);

/// <summary>
/// Typed client of the national address service (BAN, api-adresse.data.gouv.fr; base URL
/// <c>OpenCpts:Geocodage:UrlBase</c>). Never throws for network or service failures: the caller gets null,
/// and the ranking falls back to communes and postcodes.
/// </summary>
public sealed class ClientBan(HttpClient http, ILogger<ClientBan> journal)
{
    public const string UrlParDefaut = "https://api-adresse.data.gouv.fr";

    /// <summary>A practice site's address within its commune.</summary>
    public Task<PointGeo?> AdresseAsync(string adresse, string codeInsee, CancellationToken ct = default) =>
        ChercherAsync($"/search/?q={Uri.EscapeDataString(adresse)}&citycode={Uri.EscapeDataString(codeInsee)}&limit=1", ct);

    /// <summary>The centre of a commune.</summary>
    public Task<PointGeo?> CommuneAsync(string nom, string codeInsee, CancellationToken ct = default) =>
        ChercherAsync($"/search/?q={Uri.EscapeDataString(nom)}&type=municipality&citycode={Uri.EscapeDataString(codeInsee)}&limit=1", ct);

    private async Task<PointGeo?> ChercherAsync(string chemin, CancellationToken ct)
    {
        try
        {
            using var reponse = await http.GetAsync(chemin, ct);
            if (!reponse.IsSuccessStatusCode)
            {
                journal.LogWarning("Address service answered {Statut} for {Chemin}", (int)reponse.StatusCode, chemin);
                return null;
            }
            await using var flux = await reponse.Content.ReadAsStreamAsync(ct);
            using var json = await JsonDocument.ParseAsync(flux, cancellationToken: ct);
            return Lire(json.RootElement);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            // Offline, timeout or garbage: geocoding is best effort.
            journal.LogWarning("Address service unavailable for {Chemin}: {Erreur}", chemin, ex.Message);
            return null;
        }
    }

    /// <summary>features[0].geometry.coordinates = [lon, lat], properties.score.</summary>
    internal static PointGeo? Lire(JsonElement racine)
    {
        if (!racine.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
        {
            return null;
        }
        var f = features[0];
        if (!f.TryGetProperty("geometry", out var g) || !g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2)
        {
            return null;
        }
        var score = f.TryGetProperty("properties", out var p) && p.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
        return new PointGeo(c[1].GetDouble(), c[0].GetDouble(), score);
    }

    public static IServiceCollection AddClientBan(IServiceCollection services, IConfiguration configuration)
    {
        var url = configuration["OpenCpts:Geocodage:UrlBase"];
        services.AddHttpClient<ClientBan>(h =>
        {
            h.BaseAddress = new Uri(string.IsNullOrWhiteSpace(url) ? UrlParDefaut : url);
            h.Timeout = TimeSpan.FromSeconds(5);
            h.DefaultRequestHeaders.UserAgent.ParseAdd("OpenCPTS/1.0");
        });
        return services;
    }
}
