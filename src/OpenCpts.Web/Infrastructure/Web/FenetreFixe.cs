using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>
/// A fixed-window rate limiter on the platform's <see cref="TimeProvider"/>: at most <c>permis</c> requests per
/// window, the window starting with the first request after the previous one ended. The BCL limiters measure time
/// with their own stopwatch; this one follows the platform's clock, so that tests can move past a window.
/// Never queues: a request over the limit is refused at once with a Retry-After.
/// </summary>
public sealed class FenetreFixe(int permis, TimeSpan fenetre, TimeProvider horloge) : RateLimiter
{
    private readonly Lock _verrou = new();
    private DateTimeOffset _debut = DateTimeOffset.MinValue;
    private int _utilises;

    /// <summary>Idle once its window is over: the partitioned limiter may then drop it (a new one starts afresh).
    /// Never idle before its first request: the partitioned limiter's clean-up (on a real-time heartbeat) could
    /// otherwise drop it between its creation and that request, which would then not be counted.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_verrou)
            {
                if (_debut == DateTimeOffset.MinValue)
                {
                    return null;
                }
                var ecoule = horloge.GetUtcNow() - _debut;
                return ecoule >= fenetre ? ecoule - fenetre : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_verrou)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = EnCours(horloge.GetUtcNow()) ? permis - _utilises : permis };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_verrou)
        {
            var maintenant = horloge.GetUtcNow();
            if (!EnCours(maintenant))
            {
                _debut = maintenant;
                _utilises = 0;
            }
            if (_utilises + permitCount <= permis)
            {
                _utilises += permitCount;
                return Bail.Accorde;
            }
            return new Bail(false, _debut + fenetre - maintenant);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private bool EnCours(DateTimeOffset maintenant) => maintenant - _debut < fenetre;

    private sealed class Bail(bool acquis, TimeSpan? reessayerDans) : RateLimitLease
    {
        public static readonly Bail Accorde = new(true, null);

        public override bool IsAcquired => acquis;

        public override IEnumerable<string> MetadataNames => reessayerDans is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (reessayerDans is { } delai && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = delai;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}

/// <summary>Rate-limit partitions shared by the features that throttle anonymous or pre-authentication posts.</summary>
public static class LimitationDebit
{
    /// <summary>
    /// The partition key of a client address (after the configured proxies): the IPv4 address, or the IPv6 /64 network,
    /// which one subscriber usually holds entirely and can change address inside at will ("inconnue" without address).
    /// </summary>
    public static string CleAdresse(IPAddress? adresse)
    {
        if (adresse is null)
        {
            return "inconnue";
        }
        if (adresse.IsIPv4MappedToIPv6)
        {
            adresse = adresse.MapToIPv4();
        }
        if (adresse.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return adresse.ToString();
        }
        var octets = adresse.GetAddressBytes();
        Array.Clear(octets, 8, 8);
        return new IPAddress(octets) + "/64";
    }

    /// <summary>A fixed window of <paramref name="permis"/> requests per <paramref name="fenetre"/> on the platform clock.</summary>
    public static RateLimitPartition<string> Partition(string cle, int permis, TimeSpan fenetre, TimeProvider horloge) =>
        RateLimitPartition.Get(cle, _ => new FenetreFixe(Math.Max(1, permis), fenetre, horloge));
}
