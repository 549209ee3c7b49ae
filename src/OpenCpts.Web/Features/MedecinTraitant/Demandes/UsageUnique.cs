using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// A key that may be used once across every instance of the platform: the nonce of a public-form challenge, the
/// hourly alert of the public-form cap. The primary key makes the second use fail; rows are kept until they expire.
/// </summary>
public class UsageUnique
{
    public const int LongueurCle = 80;

    public string Cle { get; set; } = "";
    public DateTime ExpireLeUtc { get; set; }
}

public class UsageUniqueConfiguration : IEntityTypeConfiguration<UsageUnique>
{
    public void Configure(EntityTypeBuilder<UsageUnique> builder)
    {
        builder.ToTable("UsagesUniques");
        builder.HasKey(u => u.Cle);
        builder.Property(u => u.Cle).HasMaxLength(UsageUnique.LongueurCle);
        builder.HasIndex(u => u.ExpireLeUtc);
    }
}

/// <summary>Claims single-use keys (see <see cref="UsageUnique"/>).</summary>
public sealed class UsagesUniques(OpenCptsDb db, TimeProvider horloge)
{
    /// <summary>True the first time <paramref name="cle"/> is claimed before it expires, false afterwards.</summary>
    public async Task<bool> ReserverAsync(string cle, DateTime expireLeUtc, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // Expired keys can no longer be presented (their challenge or hour is over): clearing them here keeps the table small.
        await db.Set<UsageUnique>().Where(u => u.ExpireLeUtc < maintenant).ExecuteDeleteAsync(ct);
        // One statement, atomic on both providers: two instances claiming the same key cannot both succeed.
        var inseres = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"UsagesUniques\" (\"Cle\", \"ExpireLeUtc\") VALUES ({cle}, {expireLeUtc}) ON CONFLICT DO NOTHING", ct);
        return inseres == 1;
    }
}
