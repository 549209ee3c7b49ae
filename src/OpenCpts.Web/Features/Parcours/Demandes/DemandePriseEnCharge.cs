using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Demandes;

public static class StatutsDemandePec
{
    public const string Ouverte = "Ouverte";
    public const string Acceptee = "Acceptee";
    public const string Annulee = "Annulee";

    public static readonly IReadOnlyList<string> Tous = [Ouverte, Acceptee, Annulee];

    public static string Libelle(string code) => code switch
    {
        Ouverte => "Ouverte",
        Acceptee => "Acceptée",
        Annulee => "Annulée",
        _ => code,
    };
}

public static class UrgencesDemandePec
{
    /// <summary>Within 24 hours.</summary>
    public const string Urgente = "Urgente";
    /// <summary>Within the week.</summary>
    public const string Rapide = "Rapide";
    public const string Programmee = "Programmee";

    public static readonly IReadOnlyList<string> Toutes = [Urgente, Rapide, Programmee];

    public static string Libelle(string code) => code switch
    {
        Urgente => "Urgente (sous 24 h)",
        Rapide => "Rapide (dans la semaine)",
        Programmee => "Programmée",
        _ => code,
    };
}

public static class LieuxSoins
{
    public const string Domicile = "Domicile";
    public const string Cabinet = "Cabinet";

    public static readonly IReadOnlyList<string> Tous = [Domicile, Cabinet];

    public static string Libelle(string code) => code == Cabinet ? "Au cabinet" : "Au domicile du patient";
}

/// <summary>
/// A care request (demande de prise en charge): a need posted for a patient, sent to the members who match,
/// accepted by the first of them. Acceptance is a conditional update of <see cref="Statut"/> (Ouverte →
/// Acceptee) guarded by the database, so two members accepting at once cannot both win.
/// </summary>
public class DemandePriseEnCharge : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PatientParcoursId { get; set; }
    public PatientParcours? Patient { get; set; }
    /// <summary>TRE_G15 profession wanted (60 infirmier, 70 masseur-kinésithérapeute…).</summary>
    public string CodeProfession { get; set; } = "";
    /// <summary>Acts wanted, separated by '|' ("pansements|injections").</summary>
    public string Actes { get; set; } = "";
    /// <summary>INSEE code of the commune where the care happens.</summary>
    public string CodeCommune { get; set; } = "";
    /// <summary><see cref="LieuxSoins"/>.</summary>
    public string Lieu { get; set; } = LieuxSoins.Domicile;
    public DateOnly Debut { get; set; }
    public string? Frequence { get; set; }
    public string? DureePrevue { get; set; }
    /// <summary><see cref="UrgencesDemandePec"/>.</summary>
    public string Urgence { get; set; } = UrgencesDemandePec.Programmee;
    /// <summary>Free text, without unnecessary medical detail.</summary>
    public string? Description { get; set; }
    /// <summary><see cref="StatutsDemandePec"/>.</summary>
    public string Statut { get; set; } = StatutsDemandePec.Ouverte;
    public DateTime CreeLeUtc { get; set; }
    public string? CreeParUtilisateurId { get; set; }
    /// <summary>E-mail of the requester's account.</summary>
    public string? CreePar { get; set; }
    /// <summary>The hospital (or other structure) that posted the request, if any.</summary>
    public int? StructureDemandeuseId { get; set; }
    public int? AccepteeParProfessionnelId { get; set; }
    public DateTime? AccepteeLeUtc { get; set; }
    /// <summary>When the request, still open after the CPTS's delay, was escalated to the Coordination.</summary>
    public DateTime? EscaladeeLeUtc { get; set; }
    public int? ProtocoleId { get; set; }
    public long? PlanSortieId { get; set; }

    public IEnumerable<string> ListeActes => Actes.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A member to whom a care request was sent (by e-mail and on his page), and when he opened it.</summary>
public class DestinataireDemande : IPropreACpts
{
    public int CptsId { get; set; }
    public long DemandePriseEnChargeId { get; set; }
    public int ProfessionnelId { get; set; }
    public DateTime NotifieLeUtc { get; set; }
    public DateTime? VueLeUtc { get; set; }
}

public class DemandePriseEnChargeConfiguration : IEntityTypeConfiguration<DemandePriseEnCharge>
{
    public void Configure(EntityTypeBuilder<DemandePriseEnCharge> b)
    {
        b.ToTable("DemandesPriseEnCharge");
        b.Property(d => d.CodeProfession).HasMaxLength(4);
        b.Property(d => d.Actes).HasMaxLength(500);
        b.Property(d => d.CodeCommune).HasMaxLength(5);
        b.Property(d => d.Lieu).HasMaxLength(10);
        b.Property(d => d.Frequence).HasMaxLength(200);
        b.Property(d => d.DureePrevue).HasMaxLength(200);
        b.Property(d => d.Urgence).HasMaxLength(12);
        b.Property(d => d.Description).HasMaxLength(2000);
        b.Property(d => d.Statut).HasMaxLength(10);
        b.Property(d => d.CreeParUtilisateurId).HasMaxLength(450);
        b.Property(d => d.CreePar).HasMaxLength(256);
        b.HasIndex(d => new { d.CptsId, d.Statut, d.CreeLeUtc });
        b.HasIndex(d => d.PatientParcoursId);
        b.HasIndex(d => d.AccepteeParProfessionnelId);
        // An accepted request names who accepted it; an open one nobody.
        b.ToTable(t => t.HasCheckConstraint("CK_DemandesPriseEnCharge_Acceptee",
            "(\"Statut\" = 'Acceptee') = (\"AccepteeParProfessionnelId\" IS NOT NULL)"));
        b.HasOne(d => d.Patient).WithMany().HasForeignKey(d => d.PatientParcoursId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(d => d.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(d => d.AccepteeParProfessionnelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Annuaire.Structure>().WithMany().HasForeignKey(d => d.StructureDemandeuseId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Protocole>().WithMany().HasForeignKey(d => d.ProtocoleId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PlanSortie>().WithMany().HasForeignKey(d => d.PlanSortieId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class DestinataireDemandeConfiguration : IEntityTypeConfiguration<DestinataireDemande>
{
    public void Configure(EntityTypeBuilder<DestinataireDemande> b)
    {
        b.ToTable("DestinatairesDemande");
        b.HasKey(d => new { d.DemandePriseEnChargeId, d.ProfessionnelId });
        b.HasIndex(d => d.ProfessionnelId);
        b.HasOne<DemandePriseEnCharge>().WithMany().HasForeignKey(d => d.DemandePriseEnChargeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(d => d.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
    }
}
