using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>A pathway the CPTS describes ("retour à domicile après insuffisance cardiaque") as ordered steps.</summary>
public class ModeleParcours : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public string Nom { get; set; } = "";
    public string? Description { get; set; }
    public int? ProtocoleId { get; set; }
    public bool Archive { get; set; }

    public List<EtapeModele> Etapes { get; set; } = [];
}

/// <summary>A step of a pathway: what, by which profession, how many days after enrolment.</summary>
public class EtapeModele : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public int ModeleParcoursId { get; set; }
    public int Ordre { get; set; }
    public string Libelle { get; set; } = "";
    /// <summary>TRE_G15 profession responsible for the step.</summary>
    public string CodeProfession { get; set; } = "";
    public int DelaiJours { get; set; }
}

/// <summary>A patient enrolled in a pathway: its steps became <see cref="TacheParcours"/> of his team.</summary>
public class InscriptionParcours : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PatientParcoursId { get; set; }
    public int ModeleParcoursId { get; set; }
    public DateOnly DebutLe { get; set; }
    public DateTime InscritLeUtc { get; set; }
    public string? InscritPar { get; set; }
}

/// <summary>A task of a patient's team, created from a pathway step, with its due date.</summary>
public class TacheParcours : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long InscriptionParcoursId { get; set; }
    public long PatientParcoursId { get; set; }
    public int Ordre { get; set; }
    public string Libelle { get; set; } = "";
    public string CodeProfession { get; set; } = "";
    public DateOnly Echeance { get; set; }
    public int? ResponsableProfessionnelId { get; set; }
    public DateTime? FaiteLeUtc { get; set; }
    public string? FaitePar { get; set; }
    /// <summary>When the responsible was told the task is due or overdue (once per task, Features/Notifications).</summary>
    public DateTime? EcheanceNotifieeLeUtc { get; set; }
}

public class ModeleParcoursConfiguration : IEntityTypeConfiguration<ModeleParcours>
{
    public void Configure(EntityTypeBuilder<ModeleParcours> b)
    {
        b.ToTable("ModelesParcours");
        b.Property(m => m.Nom).HasMaxLength(200);
        b.Property(m => m.Description).HasMaxLength(2000);
        b.HasIndex(m => new { m.CptsId, m.Nom }).IsUnique();
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(m => m.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Protocole>().WithMany().HasForeignKey(m => m.ProtocoleId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(m => m.Etapes).WithOne().HasForeignKey(e => e.ModeleParcoursId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class EtapeModeleConfiguration : IEntityTypeConfiguration<EtapeModele>
{
    public void Configure(EntityTypeBuilder<EtapeModele> b)
    {
        b.ToTable("EtapesModele");
        b.Property(e => e.Libelle).HasMaxLength(200);
        b.Property(e => e.CodeProfession).HasMaxLength(4);
        b.HasIndex(e => new { e.ModeleParcoursId, e.Ordre });
    }
}

public class InscriptionParcoursConfiguration : IEntityTypeConfiguration<InscriptionParcours>
{
    public void Configure(EntityTypeBuilder<InscriptionParcours> b)
    {
        b.ToTable("InscriptionsParcours");
        b.Property(i => i.InscritPar).HasMaxLength(256);
        b.HasIndex(i => i.PatientParcoursId);
        b.HasOne<PatientParcours>().WithMany().HasForeignKey(i => i.PatientParcoursId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ModeleParcours>().WithMany().HasForeignKey(i => i.ModeleParcoursId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class TacheParcoursConfiguration : IEntityTypeConfiguration<TacheParcours>
{
    public void Configure(EntityTypeBuilder<TacheParcours> b)
    {
        b.ToTable("TachesParcours");
        b.Property(t => t.Libelle).HasMaxLength(200);
        b.Property(t => t.CodeProfession).HasMaxLength(4);
        b.Property(t => t.FaitePar).HasMaxLength(256);
        // The Coordination's dashboard lists overdue tasks: open ones by due date.
        b.HasIndex(t => new { t.FaiteLeUtc, t.Echeance });
        b.HasIndex(t => t.PatientParcoursId);
        b.HasOne<InscriptionParcours>().WithMany().HasForeignKey(t => t.InscriptionParcoursId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(t => t.ResponsableProfessionnelId).OnDelete(DeleteBehavior.SetNull);
    }
}
