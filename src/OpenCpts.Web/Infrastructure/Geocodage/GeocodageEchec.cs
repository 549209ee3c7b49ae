using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenCpts.Web.Infrastructure.Geocodage;

/// <summary>
/// A place the address service could not locate, so that it is not asked again on every run
/// (retried after <see cref="GeocoderTerritoire.DelaiNouvelEssai"/>).
/// </summary>
public class GeocodageEchec
{
    /// <summary>"commune:18033" or "site:42" (activity id).</summary>
    public string Cle { get; set; } = "";
    public DateTime EssayeLeUtc { get; set; }
}

public class GeocodageEchecConfiguration : IEntityTypeConfiguration<GeocodageEchec>
{
    public void Configure(EntityTypeBuilder<GeocodageEchec> builder)
    {
        builder.HasKey(e => e.Cle);
        builder.Property(e => e.Cle).HasMaxLength(40);
    }
}
