using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>Consultation type of a slot (SAS: Slot.extension / HealthcareService type).</summary>
public static class TypesConsultation
{
    /// <summary>En cabinet.</summary>
    public const string Cabinet = "AMB";
    /// <summary>À domicile.</summary>
    public const string Domicile = "HH";
    /// <summary>Téléconsultation.</summary>
    public const string Teleconsultation = "VR";

    public static readonly IReadOnlyList<string> Tous = [Cabinet, Domicile, Teleconsultation];

    public static string Libelle(string code) => code switch
    {
        Cabinet => "En cabinet",
        Domicile => "À domicile",
        Teleconsultation => "Téléconsultation",
        _ => code,
    };
}

/// <summary>Who may see and book a slot: the SAS "type de créneau" (TRE_R314 + CPTS), carried in Slot.meta.security.</summary>
public static class Visibilites
{
    /// <summary>Réservé à la CPTS (régulation de la CPTS).</summary>
    public const string Cpts = "CPTS";
    /// <summary>Soins non programmés : visible du SAS pour la régulation.</summary>
    public const string Snp = "SNP";
    /// <summary>Professionnels de santé.</summary>
    public const string Pro = "PRO";
    /// <summary>Grand public.</summary>
    public const string Public = "PUBLIC";

    public static readonly IReadOnlyList<string> Toutes = [Cpts, Snp, Pro, Public];

    public static string Libelle(string code) => code switch
    {
        Cpts => "CPTS",
        Snp => "Soins non programmés (SAS)",
        Pro => "Professionnels",
        Public => "Grand public",
        _ => code,
    };
}

/// <summary>State of a slot. Only <see cref="Libre"/> slots can be booked; the change to
/// <see cref="Reserve"/> is a conditional update so that two concurrent bookings cannot both win.</summary>
public static class StatutsCreneau
{
    public const string Libre = "Libre";
    public const string Reserve = "Reserve";
    /// <summary>Withdrawn by the professional (pattern edited or suspended) before anyone booked it.</summary>
    public const string Retire = "Retire";
}

/// <summary>
/// One unscheduled-care slot of a professional, materialised from a <see cref="ModeleDisponibilite"/>
/// (or published one-off). Times are UTC; the SAS sees them with the Europe/Paris offset.
/// </summary>
public class CreneauSnp : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public int ProfessionnelId { get; set; }
    /// <summary>The practice site (activity) where the consultation takes place.</summary>
    public int? ActiviteId { get; set; }
    public int? ModeleDisponibiliteId { get; set; }
    public DateTime DebutUtc { get; set; }
    public DateTime FinUtc { get; set; }
    /// <summary><see cref="TypesConsultation"/>: AMB, HH or VR.</summary>
    public string TypeConsultation { get; set; } = TypesConsultation.Cabinet;
    /// <summary><see cref="Visibilites"/>: CPTS, SNP, PRO or PUBLIC.</summary>
    public string Visibilite { get; set; } = Visibilites.Snp;
    /// <summary>True: with appointment (SAS ROUTINE); false: walk-in (WALKIN).</summary>
    public bool AvecRendezVous { get; set; } = true;
    public string? Motif { get; set; }
    /// <summary><see cref="StatutsCreneau"/>.</summary>
    public string Statut { get; set; } = StatutsCreneau.Libre;
    /// <summary>An extra appointment a professional accepted outside his offer (<see cref="InvitationSurnumeraire"/>):
    /// created already booked, it counts as offered and used in the follow-up.</summary>
    public bool Surnumeraire { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime MisAJourLeUtc { get; set; }
}

public class CreneauSnpConfiguration : IEntityTypeConfiguration<CreneauSnp>
{
    public void Configure(EntityTypeBuilder<CreneauSnp> builder)
    {
        builder.Property(c => c.TypeConsultation).HasMaxLength(3);
        builder.Property(c => c.Visibilite).HasMaxLength(6);
        builder.Property(c => c.Motif).HasMaxLength(200);
        builder.Property(c => c.Statut).HasMaxLength(10);
        // A professional has one slot at a given start: materialising a pattern twice creates nothing new.
        builder.HasIndex(c => new { c.ProfessionnelId, c.DebutUtc }).IsUnique();
        // The search of free slots over a time window (regulation desk, SAS, API).
        builder.HasIndex(c => new { c.Statut, c.DebutUtc });
        builder.HasIndex(c => c.ModeleDisponibiliteId);
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(c => c.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Annuaire.ActiviteProfessionnelle>().WithMany().HasForeignKey(c => c.ActiviteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ModeleDisponibilite>().WithMany().HasForeignKey(c => c.ModeleDisponibiliteId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_CreneauSnp_Duree", "\"FinUtc\" > \"DebutUtc\""));
    }
}
