using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Patients;

/// <summary>
/// A patient followed in a care pathway: the minimum identity to recognise him (no address, no phone: the
/// team knows him through its own files), his commune, and his consent to sharing within his care team.
/// Nothing is shared in the team's thread before <see cref="ConsentementLeUtc"/> is set.
/// </summary>
public class PatientParcours : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public string Nom { get; set; } = "";
    public string Prenom { get; set; } = "";
    public DateOnly DateNaissance { get; set; }
    /// <summary>INSEE code of the commune where he lives (where care at home happens).</summary>
    public string? CodeCommune { get; set; }
    /// <summary>When the patient agreed that his care team shares information about him.</summary>
    public DateTime? ConsentementLeUtc { get; set; }
    /// <summary>Who recorded that consent (account e-mail).</summary>
    public string? ConsentementRecueilliPar { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public string? CreePar { get; set; }
    /// <summary>
    /// The existing patient with the same identity whom the creator could not see: instead of joining that patient's
    /// team, a new patient was created and the Coordination decides (merge or distinct).
    /// </summary>
    public long? DoublonPossibleDeId { get; set; }
    /// <summary>When the Coordination merged or declared distinct this possible duplicate (null: still to decide).</summary>
    public DateTime? DoublonTraiteLeUtc { get; set; }
    public string? DoublonTraitePar { get; set; }
    /// <summary>Set when this patient was merged into another: his team, requests, plans and thread moved there.</summary>
    public long? FusionneDansId { get; set; }

    public List<MembreEquipe> Equipe { get; set; } = [];

    public string NomComplet => $"{Nom.ToUpperInvariant()} {Prenom}";
}

/// <summary>
/// A member of a patient's care team: a professional of the directory, or a structure (a hospital
/// service) whose accounts then see the team's thread. Exactly one of the two is set. Leaving the team
/// sets <see cref="RetireLeUtc"/>: the row stays as history and only active rows grant access.
/// </summary>
public class MembreEquipe : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PatientParcoursId { get; set; }
    public int? ProfessionnelId { get; set; }
    public int? StructureId { get; set; }
    /// <summary>What he does for the patient ("Infirmier — pansements", "Service de cardiologie").</summary>
    public string? Role { get; set; }
    public DateTime AjouteLeUtc { get; set; }
    public string? AjoutePar { get; set; }
    public DateTime? RetireLeUtc { get; set; }
    public string? RetirePar { get; set; }
    public string? MotifRetrait { get; set; }

    public bool Actif => RetireLeUtc is null;
}

public class PatientParcoursConfiguration : IEntityTypeConfiguration<PatientParcours>
{
    public void Configure(EntityTypeBuilder<PatientParcours> b)
    {
        b.ToTable("PatientsParcours");
        b.Property(p => p.Nom).HasMaxLength(100);
        b.Property(p => p.Prenom).HasMaxLength(100);
        b.Property(p => p.CodeCommune).HasMaxLength(5);
        b.Property(p => p.ConsentementRecueilliPar).HasMaxLength(256);
        b.Property(p => p.CreePar).HasMaxLength(256);
        b.Property(p => p.DoublonTraitePar).HasMaxLength(256);
        b.HasIndex(p => new { p.CptsId, p.Nom, p.Prenom, p.DateNaissance });
        b.HasIndex(p => p.DoublonPossibleDeId);
        b.HasOne<PatientParcours>().WithMany().HasForeignKey(p => p.DoublonPossibleDeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PatientParcours>().WithMany().HasForeignKey(p => p.FusionneDansId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(p => p.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Equipe).WithOne().HasForeignKey(m => m.PatientParcoursId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class MembreEquipeConfiguration : IEntityTypeConfiguration<MembreEquipe>
{
    public void Configure(EntityTypeBuilder<MembreEquipe> b)
    {
        b.ToTable("MembresEquipe");
        b.Property(m => m.Role).HasMaxLength(200);
        b.Property(m => m.AjoutePar).HasMaxLength(256);
        b.Property(m => m.RetirePar).HasMaxLength(256);
        b.Property(m => m.MotifRetrait).HasMaxLength(200);
        b.Ignore(m => m.Actif);
        // One active membership per member and patient; past memberships stay beside it as history.
        b.HasIndex(m => new { m.PatientParcoursId, m.ProfessionnelId }).IsUnique()
            .HasFilter("\"ProfessionnelId\" IS NOT NULL AND \"RetireLeUtc\" IS NULL");
        b.HasIndex(m => new { m.PatientParcoursId, m.StructureId }).IsUnique()
            .HasFilter("\"StructureId\" IS NOT NULL AND \"RetireLeUtc\" IS NULL");
        b.HasIndex(m => m.ProfessionnelId);
        b.HasIndex(m => m.StructureId);
        b.ToTable(t => t.HasCheckConstraint("CK_MembresEquipe_UnSeul", "(\"ProfessionnelId\" IS NULL) <> (\"StructureId\" IS NULL)"));
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(m => m.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annuaire.Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}
