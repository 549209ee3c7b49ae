namespace OpenCpts.Web.Infrastructure.Geocodage;

public sealed partial class GeocoderTerritoire
{
    public static readonly TimeSpan DelaiNouvelEssai = TimeSpan.FromDays(7);
}
