using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>
/// A professional's iCalendar subscription. The secret in the URL is the credential (calendar apps
/// cannot sign in), so only its SHA-256 is stored, as for API tokens; revoking makes the URL 404.
/// </summary>
public class FluxCalendrier
{
    public int Id { get; set; }
    public int ProfessionnelId { get; set; }
    /// <summary>Hex SHA-256 of the secret.</summary>
    public string Empreinte { get; set; } = "";
    public DateTime CreeLeUtc { get; set; }
    public DateTime? RevoqueLeUtc { get; set; }
}

public class FluxCalendrierConfiguration : IEntityTypeConfiguration<FluxCalendrier>
{
    public void Configure(EntityTypeBuilder<FluxCalendrier> builder)
    {
        builder.Property(f => f.Empreinte).HasMaxLength(64);
        builder.HasIndex(f => f.Empreinte).IsUnique();
        builder.HasIndex(f => f.ProfessionnelId);
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(f => f.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
    }
}
