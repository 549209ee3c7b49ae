using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>A current French commune (INSEE COG), loaded from the embedded reference file.</summary>
public class Commune
{
    /// <summary>INSEE code, 5 characters (keeps leading zeros; 2A/2B in Corsica).</summary>
    public string CodeInsee { get; set; } = "";
    public string Nom { get; set; } = "";
    public string NomRecherche { get; set; } = "";
    public string Departement { get; set; } = "";
    public string Region { get; set; } = "";
    public int Population { get; set; }
    /// <summary>La Poste postcodes served, comma-separated (a commune can have several).</summary>
    public string CodesPostaux { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string CodePostalPrincipal => CodesPostaux.Split(',')[0];
}

public class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.HasKey(c => c.CodeInsee);
        b.Property(c => c.CodeInsee).HasMaxLength(5);
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.NomRecherche).HasMaxLength(100);
        b.Property(c => c.Departement).HasMaxLength(3);
        b.Property(c => c.Region).HasMaxLength(3);
        b.Property(c => c.CodesPostaux).HasMaxLength(200);
        b.HasIndex(c => c.NomRecherche);
        b.HasIndex(c => c.Departement);
    }
}
