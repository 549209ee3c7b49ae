using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>
/// Bundle entries of the SAS slot search, serialised once and cached by their content. The key holds every value
/// an entry is built from (slot, professional, site, CPTS, addresses), so a changed slot or directory record simply
/// gets a new key: a stale entry is never served, and nothing has to be invalidated. Serialising a few hundred
/// resources per search with Firely was most of the cost; the SAS polls the same agendas again and again.
/// </summary>
public sealed class FragmentsSas : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private readonly MemoryCache cache;

    public FragmentsSas(IOptions<OptionsSas> options)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CacheFragmentsMo) * 1024L * 1024L });
    }

    /// <summary>Writer options shared by the entries and the envelope, so that both escape text the same way.</summary>
    public static readonly JsonWriterOptions OptionsEcriture = new() { Encoder = ReponsesFhir.Json.Encoder, SkipValidation = true };

    /// <summary>The serialised entry <c>{"fullUrl", "resource", "search": {"mode"}}</c> of a resource, from the cache
    /// when an entry with the same key was built before.</summary>
    public byte[] Entree<TCle>(TCle cle, string baseUrl, Bundle.SearchEntryMode mode, Func<TCle, Resource> construire)
        where TCle : notnull
    {
        if (cache.TryGetValue(cle, out byte[]? octets) && octets is not null)
        {
            return octets;
        }
        octets = Serialiser(construire(cle), baseUrl, mode);
        cache.Set(cle, octets, new MemoryCacheEntryOptions { Size = octets.Length, SlidingExpiration = Retention });
        return octets;
    }

    public static byte[] Serialiser(Resource ressource, string baseUrl, Bundle.SearchEntryMode mode)
    {
        var tampon = new ArrayBufferWriter<byte>(2048);
        using (var ecrivain = new Utf8JsonWriter(tampon, OptionsEcriture))
        {
            ecrivain.WriteStartObject();
            ecrivain.WriteString("fullUrl", $"{baseUrl.TrimEnd('/')}/fhir/{ressource.TypeName}/{ressource.Id}");
            ecrivain.WritePropertyName("resource");
            JsonSerializer.Serialize(ecrivain, ressource, ressource.GetType(), ReponsesFhir.Json);
            ecrivain.WriteStartObject("search");
            ecrivain.WriteString("mode", mode == Bundle.SearchEntryMode.Match ? "match" : "include");
            ecrivain.WriteEndObject();
            ecrivain.WriteEndObject();
        }
        return tampon.WrittenSpan.ToArray();
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>
/// A searchset Bundle written straight to the response from serialised entries: the same JSON Firely writes for
/// the Bundle (resourceType, id, meta, type, total, link, entry), without building it in memory first.
/// </summary>
public sealed class ResultatBundleSas(string id, string profil, int total, string urlDemandee, IReadOnlyList<byte[]> entrees) : IResult
{
    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        var reponse = httpContext.Response;
        reponse.StatusCode = StatusCodes.Status200OK;
        reponse.ContentType = ReponsesFhir.TypeContenu;
        await using var ecrivain = new Utf8JsonWriter(reponse.BodyWriter, FragmentsSas.OptionsEcriture);
        ecrivain.WriteStartObject();
        ecrivain.WriteString("resourceType", "Bundle");
        ecrivain.WriteString("id", id);
        ecrivain.WriteStartObject("meta");
        ecrivain.WriteStartArray("profile");
        ecrivain.WriteStringValue(profil);
        ecrivain.WriteEndArray();
        ecrivain.WriteEndObject();
        ecrivain.WriteString("type", "searchset");
        ecrivain.WriteNumber("total", total);
        ecrivain.WriteStartArray("link");
        ecrivain.WriteStartObject();
        ecrivain.WriteString("relation", "self");
        ecrivain.WriteString("url", urlDemandee);
        ecrivain.WriteEndObject();
        ecrivain.WriteEndArray();
        if (entrees.Count > 0)
        {
            ecrivain.WriteStartArray("entry");
            foreach (var entree in entrees)
            {
                ecrivain.WriteRawValue(entree, skipInputValidation: true);
                if (ecrivain.BytesPending > 32 * 1024)
                {
                    await ecrivain.FlushAsync(httpContext.RequestAborted);
                }
            }
            ecrivain.WriteEndArray();
        }
        ecrivain.WriteEndObject();
        await ecrivain.FlushAsync(httpContext.RequestAborted);
    }
}
