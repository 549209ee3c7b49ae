using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>A CPTS hosted by the platform, with its territory (a set of communes).</summary>
public class Cpts
{
    public int Id { get; set; }
    public string Nom { get; set; } = "";
    /// <summary>FINESS of the CPTS legal entity (TRE_R66 category 604), when registered.</summary>
    public string? Finess { get; set; }
    /// <summary>SIRET of the CPTS association (14 digits): its national id for the SAS when it has no FINESS yet.</summary>
    public string? Siret { get; set; }
    public string? Email { get; set; }
    public string? Telephone { get; set; }
    /// <summary>Host name of the CPTS's public pages on a host that serves several CPTS (e.g. <c>bourges.opencpts.fr</c>).</summary>
    public string? Hote { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public List<CommuneTerritoire> Communes { get; set; } = [];
}

/// <summary>A commune belongs to the territory of a CPTS.</summary>
public class CommuneTerritoire : IPropreACpts
{
    public int CptsId { get; set; }
    public string CodeInsee { get; set; } = "";
    public Commune? Commune { get; set; }
    public DateTime AjouteeLeUtc { get; set; }
}

public class CptsConfiguration : IEntityTypeConfiguration<Cpts>
{
    public void Configure(EntityTypeBuilder<Cpts> b)
    {
        b.Property(c => c.Nom).HasMaxLength(200);
        b.Property(c => c.Finess).HasMaxLength(9);
        b.Property(c => c.Siret).HasMaxLength(14);
        b.Property(c => c.Email).HasMaxLength(200);
        b.Property(c => c.Telephone).HasMaxLength(20);
        b.Property(c => c.Hote).HasMaxLength(253);
        b.HasIndex(c => c.Hote).IsUnique();
    }
}

public class CommuneTerritoireConfiguration : IEntityTypeConfiguration<CommuneTerritoire>
{
    public void Configure(EntityTypeBuilder<CommuneTerritoire> b)
    {
        b.HasKey(t => new { t.CptsId, t.CodeInsee });
        b.Property(t => t.CodeInsee).HasMaxLength(5);
        b.HasOne<Cpts>().WithMany(c => c.Communes).HasForeignKey(t => t.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Commune).WithMany().HasForeignKey(t => t.CodeInsee).OnDelete(DeleteBehavior.Restrict);
    }
}
