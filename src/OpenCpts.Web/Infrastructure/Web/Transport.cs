using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>
/// HTTPS and reverse proxies. <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed only when the connection
/// comes from a proxy listed in <c>OpenCpts:ProxiesConnus</c> (IP addresses or CIDR networks, as an array or a
/// comma-separated string); otherwise anyone could choose the client address that the rate limits and the audit see.
/// Behind such a proxy the platform redirects to HTTPS and sends HSTS. Cookies are always <c>Secure</c> outside
/// Development.
/// </summary>
public static class Transport
{
    public const string CleProxies = "OpenCpts:ProxiesConnus";

    /// <summary>The configured proxies: single addresses and networks. Throws on an entry that is neither.</summary>
    public static (IReadOnlyList<IPAddress> Adresses, IReadOnlyList<System.Net.IPNetwork> Reseaux) ProxiesConnus(IConfiguration configuration)
    {
        var section = configuration.GetSection(CleProxies);
        var entrees = section.Value is { } liste
            ? liste.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0)];
        var adresses = new List<IPAddress>();
        var reseaux = new List<System.Net.IPNetwork>();
        foreach (var e in entrees)
        {
            if (e.Contains('/', StringComparison.Ordinal))
            {
                reseaux.Add(System.Net.IPNetwork.TryParse(e, out var reseau)
                    ? reseau
                    : throw new InvalidOperationException($"{CleProxies} : « {e} » n'est pas un réseau CIDR valide (ex. 10.0.0.0/8)."));
            }
            else
            {
                adresses.Add(IPAddress.TryParse(e, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"{CleProxies} : « {e} » n'est pas une adresse IP valide."));
            }
        }
        return (adresses, reseaux);
    }

    public static IServiceCollection AddTransport(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environnement)
    {
        var (adresses, reseaux) = ProxiesConnus(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback: only what is configured counts.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var a in adresses)
            {
                o.KnownProxies.Add(a);
            }
            foreach (var r in reseaux)
            {
                o.KnownIPNetworks.Add(r);
            }
            // A chain of known proxies is unwound hop by hop; the first unknown hop stops it.
            o.ForwardLimit = null;
        });
        services.Configure<HttpsRedirectionOptions>(o => o.HttpsPort ??= configuration.GetValue<int?>("https_port") ?? 443);
        services.Configure<CookiePolicyOptions>(o =>
            o.Secure = environnement.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>True when <c>OpenCpts:ProxiesConnus</c> lists at least one proxy.</summary>
    public static bool DerriereProxy(IConfiguration configuration)
    {
        var (adresses, reseaux) = ProxiesConnus(configuration);
        return adresses.Count > 0 || reseaux.Count > 0;
    }
}
