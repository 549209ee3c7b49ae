using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>A message of a patient's care-team thread.</summary>
public class MessageEquipe : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PatientParcoursId { get; set; }
    public string? AuteurUtilisateurId { get; set; }
    /// <summary>Display name of the author at the time.</summary>
    public string Auteur { get; set; } = "";
    public string Texte { get; set; } = "";
    public DateTime EnvoyeLeUtc { get; set; }

    public List<PieceJointe> PiecesJointes { get; set; } = [];
}

/// <summary>A file attached to a team message (PDF or image, checked on upload), stored in the database.</summary>
public class PieceJointe : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long MessageEquipeId { get; set; }
    public string NomFichier { get; set; } = "";
    public string TypeContenu { get; set; } = "";
    public long Taille { get; set; }
    public byte[] Contenu { get; set; } = [];
}

/// <summary>Read receipt: who read a team message, and when (first read).</summary>
public class LectureMessage : IPropreACpts
{
    public int CptsId { get; set; }
    public long MessageEquipeId { get; set; }
    public string UtilisateurId { get; set; } = "";
    public string Lecteur { get; set; } = "";
    public DateTime LuLeUtc { get; set; }
}

public class MessageEquipeConfiguration : IEntityTypeConfiguration<MessageEquipe>
{
    public void Configure(EntityTypeBuilder<MessageEquipe> b)
    {
        b.ToTable("MessagesEquipe");
        b.Property(m => m.AuteurUtilisateurId).HasMaxLength(450);
        b.Property(m => m.Auteur).HasMaxLength(200);
        b.Property(m => m.Texte).HasMaxLength(4000);
        b.HasIndex(m => new { m.PatientParcoursId, m.EnvoyeLeUtc });
        b.HasOne<PatientParcours>().WithMany().HasForeignKey(m => m.PatientParcoursId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.PiecesJointes).WithOne().HasForeignKey(p => p.MessageEquipeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PieceJointeConfiguration : IEntityTypeConfiguration<PieceJointe>
{
    public void Configure(EntityTypeBuilder<PieceJointe> b)
    {
        b.ToTable("PiecesJointes");
        b.Property(p => p.NomFichier).HasMaxLength(200);
        b.Property(p => p.TypeContenu).HasMaxLength(100);
    }
}

public class LectureMessageConfiguration : IEntityTypeConfiguration<LectureMessage>
{
    public void Configure(EntityTypeBuilder<LectureMessage> b)
    {
        b.ToTable("LecturesMessage");
        b.HasKey(l => new { l.MessageEquipeId, l.UtilisateurId });
        b.Property(l => l.UtilisateurId).HasMaxLength(450);
        b.Property(l => l.Lecteur).HasMaxLength(200);
        b.HasOne<MessageEquipe>().WithMany().HasForeignKey(l => l.MessageEquipeId).OnDelete(DeleteBehavior.Cascade);
    }
}
