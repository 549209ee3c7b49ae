using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace OpenCpts.Web.Features.MedecinTraitant;

/// <summary>
/// The per-address limit of the public form: a fixed window on the platform clock (<see cref="TimeProvider"/>), so
/// that it behaves the same in tests as in production. An IPv6 client gets a whole /64 from its provider and can
/// change address inside it at will: the /64 is the "address" that is counted.
/// </summary>
public static class LimiteParAdresse
{
    /// <summary>The partition of a client address: the IPv4 address, or the IPv6 /64 network ("inconnue" without address).</summary>
    public static string Cle(IPAddress? adresse)
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

    public static RateLimitPartition<string> Partition(HttpContext http, int parHeure, TimeProvider horloge) =>
        RateLimitPartition.Get(Cle(http.Connection.RemoteIpAddress), _ => new FenetreHoraire(Math.Max(1, parHeure), horloge));

    /// <summary>At most <c>limite</c> permits per window of one hour, windows starting when the first permit is taken.</summary>
    private sealed class FenetreHoraire(int limite, TimeProvider horloge) : RateLimiter
    {
        private static readonly TimeSpan Duree = TimeSpan.FromHours(1);
        private readonly Lock _verrou = new();
        private DateTimeOffset _debut = DateTimeOffset.MinValue;
        private int _pris;

        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_verrou)
                {
                    var fin = _debut == DateTimeOffset.MinValue ? horloge.GetUtcNow() : _debut + Duree;
                    var ecoule = horloge.GetUtcNow() - fin;
                    return ecoule >= TimeSpan.Zero ? ecoule : null;
                }
            }
        }

        public override RateLimiterStatistics? GetStatistics()
        {
            lock (_verrou)
            {
                return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, limite - _pris) };
            }
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            lock (_verrou)
            {
                var maintenant = horloge.GetUtcNow();
                if (maintenant >= _debut + Duree || _debut == DateTimeOffset.MinValue)
                {
                    _debut = maintenant;
                    _pris = 0;
                }
                if (_pris + permitCount > limite)
                {
                    return Bail.Refus;
                }
                _pris += permitCount;
                return Bail.Accord;
            }
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private sealed class Bail(bool accorde) : RateLimitLease
    {
        public static readonly Bail Accord = new(true);
        public static readonly Bail Refus = new(false);

        public override bool IsAcquired => accorde;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
