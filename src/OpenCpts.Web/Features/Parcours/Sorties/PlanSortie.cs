using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Sorties;

public static class StatutsPlanSortie
{
    /// <summary>Being prepared before the discharge.</summary>
    public const string EnPreparation = "EnPreparation";
    /// <summary>The patient is home; the plan waits for the D+7 follow-up.</summary>
    public const string Sorti = "Sorti";
    /// <summary>Closed after the D+7 follow-up with its outcome.</summary>
    public const string Clos = "Clos";
    public const string Annule = "Annule";

    public static readonly IReadOnlyList<string> Tous = [EnPreparation, Sorti, Clos, Annule];

    public static string Libelle(string code) => code switch
    {
        EnPreparation => "En préparation",
        Sorti => "Patient sorti",
        Clos => "Clos",
        Annule => "Annulé",
        _ => code,
    };
}

/// <summary>
/// A hospital discharge plan: opened by a hospital team or the Coordination before the planned date, with a
/// checklist (<see cref="ElementSortie"/>) whose missing items 48 h before the date raise an alert, closed
/// after the D+7 follow-up call with its outcome (readmission within 30 days or not).
/// </summary>
public class PlanSortie : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PatientParcoursId { get; set; }
    public PatientParcours? Patient { get; set; }
    /// <summary>The hospital (a structure of the directory).</summary>
    public int? StructureId { get; set; }
    /// <summary>Hospital service ("Cardiologie").</summary>
    public string? Service { get; set; }
    /// <summary>Planned discharge date (Paris calendar day).</summary>
    public DateOnly DateSortiePrevue { get; set; }
    /// <summary>The hospital contact: name, e-mail, phone, to whom alerts go.</summary>
    public string? ContactNom { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactTelephone { get; set; }
    /// <summary><see cref="StatutsPlanSortie"/>.</summary>
    public string Statut { get; set; } = StatutsPlanSortie.EnPreparation;
    public DateOnly? DateSortieEffective { get; set; }
    /// <summary>When the "items missing 48 h before" alert was sent (once per plan).</summary>
    public DateTime? AlerteEnvoyeeLeUtc { get; set; }
    /// <summary>Outcome recorded at closure: readmitted within 30 days.</summary>
    public bool? Readmission30Jours { get; set; }
    public string? Bilan { get; set; }
    public DateTime? ClosLeUtc { get; set; }
    public int? ProtocoleId { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public string? CreePar { get; set; }

    public List<ElementSortie> Elements { get; set; } = [];
}

/// <summary>One item of a discharge checklist, with its owner and due date.</summary>
public class ElementSortie : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PlanSortieId { get; set; }
    public int Ordre { get; set; }
    public string Libelle { get; set; } = "";
    /// <summary>The professional of the directory who owns the item, if it is one.</summary>
    public int? ResponsableProfessionnelId { get; set; }
    /// <summary>Owner as written ("Service de cardiologie", "Pharmacie du centre").</summary>
    public string? Responsable { get; set; }
    public DateOnly? Echeance { get; set; }
    public DateTime? FaitLeUtc { get; set; }
    public string? FaitPar { get; set; }
}

/// <summary>An item of the CPTS's checklist template, copied into every new discharge plan.</summary>
public class ModeleElementSortie : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public int Ordre { get; set; }
    public string Libelle { get; set; } = "";
    /// <summary>Due date relative to the planned discharge date, in days (-1 = the day before, 7 = D+7).</summary>
    public int DelaiJours { get; set; }
    /// <summary>Default owner ("Établissement", "Médecin traitant"…).</summary>
    public string? ResponsableParDefaut { get; set; }
}

/// <summary>Pathway settings of a CPTS, tuned by the Coordination.</summary>
public class ParametresParcours : IPropreACpts
{
    public int CptsId { get; set; }
    /// <summary>Hours after which an open care request is escalated to the Coordination.</summary>
    public int DelaiEscaladeHeures { get; set; } = ParametresParcours.DelaiEscaladeParDefaut;

    public const int DelaiEscaladeParDefaut = 24;
}

public class PlanSortieConfiguration : IEntityTypeConfiguration<PlanSortie>
{
    public void Configure(EntityTypeBuilder<PlanSortie> b)
    {
        b.ToTable("PlansSortie");
        b.Property(p => p.Service).HasMaxLength(200);
        b.Property(p => p.ContactNom).HasMaxLength(200);
        b.Property(p => p.ContactEmail).HasMaxLength(200);
        b.Property(p => p.ContactTelephone).HasMaxLength(20);
        b.Property(p => p.Statut).HasMaxLength(15);
        b.Property(p => p.Bilan).HasMaxLength(1000);
        b.Property(p => p.CreePar).HasMaxLength(256);
        b.HasIndex(p => new { p.CptsId, p.Statut, p.DateSortiePrevue });
        b.HasIndex(p => p.StructureId);
        b.HasIndex(p => p.PatientParcoursId);
        b.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientParcoursId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(p => p.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annuaire.Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Protocole>().WithMany().HasForeignKey(p => p.ProtocoleId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Elements).WithOne().HasForeignKey(e => e.PlanSortieId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ElementSortieConfiguration : IEntityTypeConfiguration<ElementSortie>
{
    public void Configure(EntityTypeBuilder<ElementSortie> b)
    {
        b.ToTable("ElementsSortie");
        b.Property(e => e.Libelle).HasMaxLength(200);
        b.Property(e => e.Responsable).HasMaxLength(200);
        b.Property(e => e.FaitPar).HasMaxLength(256);
        b.HasIndex(e => new { e.PlanSortieId, e.Ordre });
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(e => e.ResponsableProfessionnelId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class ModeleElementSortieConfiguration : IEntityTypeConfiguration<ModeleElementSortie>
{
    public void Configure(EntityTypeBuilder<ModeleElementSortie> b)
    {
        b.ToTable("ModelesElementSortie");
        b.Property(e => e.Libelle).HasMaxLength(200);
        b.Property(e => e.ResponsableParDefaut).HasMaxLength(200);
        b.HasIndex(e => new { e.CptsId, e.Ordre });
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(e => e.CptsId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ParametresParcoursConfiguration : IEntityTypeConfiguration<ParametresParcours>
{
    public void Configure(EntityTypeBuilder<ParametresParcours> b)
    {
        b.HasKey(p => p.CptsId);
        b.HasOne<Territoire.Cpts>().WithOne().HasForeignKey<ParametresParcours>(p => p.CptsId).OnDelete(DeleteBehavior.Cascade);
    }
}
