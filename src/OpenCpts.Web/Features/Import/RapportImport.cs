using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenCpts.Web.Features.Import;

/// <summary>The persisted report of one import run (RPPS, communes…), shown to the coordination.</summary>
public class RapportImport
{
    public int Id { get; set; }
    /// <summary>"RPPS", "Communes"…</summary>
    public string Type { get; set; } = "";
    public string NomFichier { get; set; } = "";
    public string? LanceePar { get; set; }
    public DateTime DebutUtc { get; set; }
    public DateTime? FinUtc { get; set; }
    /// <summary>EnCours, Terminee, Refusee (wrong file), Echouee.</summary>
    public string Statut { get; set; } = "EnCours";
    public string? Message { get; set; }
    public long Lues { get; set; }
    public long Creees { get; set; }
    public long MisesAJour { get; set; }
    public long Inchangees { get; set; }
    public long Ignorees { get; set; }
    public long Rejetees { get; set; }
    public List<RejetImport> Rejets { get; set; } = [];
}

/// <summary>A rejected line of an import, with its line number and the reason.</summary>
public class RejetImport
{
    public int Id { get; set; }
    public int RapportImportId { get; set; }
    public long Ligne { get; set; }
    public string Raison { get; set; } = "";
}

public class RapportImportConfiguration : IEntityTypeConfiguration<RapportImport>
{
    public void Configure(EntityTypeBuilder<RapportImport> b)
    {
        b.Property(r => r.Type).HasMaxLength(20);
        b.Property(r => r.NomFichier).HasMaxLength(260);
        b.Property(r => r.LanceePar).HasMaxLength(200);
        b.Property(r => r.Statut).HasMaxLength(20);
        b.Property(r => r.Message).HasMaxLength(2000);
        b.HasMany(r => r.Rejets).WithOne().HasForeignKey(r => r.RapportImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class RejetImportConfiguration : IEntityTypeConfiguration<RejetImport>
{
    public void Configure(EntityTypeBuilder<RejetImport> b)
    {
        b.Property(r => r.Raison).HasMaxLength(500);
        b.HasIndex(r => new { r.RapportImportId, r.Ligne });
    }
}
