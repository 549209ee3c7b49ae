using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

public static class StatutsProtocole
{
    public const string Brouillon = "Brouillon";
    public const string Valide = "Valide";
    public const string Archive = "Archive";

    public static readonly IReadOnlyList<string> Tous = [Brouillon, Valide, Archive];

    public static string Libelle(string code) => code switch
    {
        Brouillon => "Brouillon",
        Valide => "Validé par le groupe de travail",
        Archive => "Archivé",
        _ => code,
    };
}

/// <summary>
/// A pluri-professional protocol of the CPTS for a pathology or situation. Its content is Markdown, kept in
/// versions (<see cref="VersionProtocole"/>): editing adds a version, never overwrites one.
/// </summary>
public class Protocole : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public string Titre { get; set; } = "";
    public string Pathologie { get; set; } = "";
    /// <summary>TRE_G15 codes of the professions involved, separated by '|'.</summary>
    public string Professions { get; set; } = "";
    /// <summary>The working group that owns it.</summary>
    public string? GroupeTravail { get; set; }
    /// <summary><see cref="StatutsProtocole"/>.</summary>
    public string Statut { get; set; } = StatutsProtocole.Brouillon;
    /// <summary>Number of the current version (the latest).</summary>
    public int VersionCourante { get; set; }
    public DateTime MisAJourLeUtc { get; set; }

    public List<VersionProtocole> Versions { get; set; } = [];
    public List<DocumentProtocole> Documents { get; set; } = [];

    public IEnumerable<string> CodesProfessions => Professions.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One version of a protocol's content, with its author and date.</summary>
public class VersionProtocole : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public int ProtocoleId { get; set; }
    public int Numero { get; set; }
    public string ContenuMarkdown { get; set; } = "";
    public string Auteur { get; set; } = "";
    public string? Commentaire { get; set; }
    public DateTime CreeLeUtc { get; set; }
}

/// <summary>A document attached to a protocol (PDF, image).</summary>
public class DocumentProtocole : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public int ProtocoleId { get; set; }
    public string NomFichier { get; set; } = "";
    public string TypeContenu { get; set; } = "";
    public long Taille { get; set; }
    public byte[] Contenu { get; set; } = [];
    public string? AjoutePar { get; set; }
    public DateTime AjouteLeUtc { get; set; }
}

public class ProtocoleConfiguration : IEntityTypeConfiguration<Protocole>
{
    public void Configure(EntityTypeBuilder<Protocole> b)
    {
        b.ToTable("Protocoles");
        b.Property(p => p.Titre).HasMaxLength(200);
        b.Property(p => p.Pathologie).HasMaxLength(200);
        b.Property(p => p.Professions).HasMaxLength(200);
        b.Property(p => p.GroupeTravail).HasMaxLength(200);
        b.Property(p => p.Statut).HasMaxLength(10);
        b.HasIndex(p => new { p.CptsId, p.Statut });
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(p => p.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProtocoleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.ProtocoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class VersionProtocoleConfiguration : IEntityTypeConfiguration<VersionProtocole>
{
    public void Configure(EntityTypeBuilder<VersionProtocole> b)
    {
        b.ToTable("VersionsProtocole");
        b.Property(v => v.ContenuMarkdown).HasMaxLength(100_000);
        b.Property(v => v.Auteur).HasMaxLength(256);
        b.Property(v => v.Commentaire).HasMaxLength(300);
        // Two editors saving at once cannot both create version n+1.
        b.HasIndex(v => new { v.ProtocoleId, v.Numero }).IsUnique();
    }
}

public class DocumentProtocoleConfiguration : IEntityTypeConfiguration<DocumentProtocole>
{
    public void Configure(EntityTypeBuilder<DocumentProtocole> b)
    {
        b.ToTable("DocumentsProtocole");
        b.Property(d => d.NomFichier).HasMaxLength(200);
        b.Property(d => d.TypeContenu).HasMaxLength(100);
        b.Property(d => d.AjoutePar).HasMaxLength(256);
    }
}
