using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>
/// A recurring weekly availability of a professional for unscheduled care ("every Tuesday
/// 17:00–19:00, 20-minute slots, from date to date"), in Europe/Paris local time. Slots are
/// materialised from it over a rolling horizon; editing or suspending it withdraws future free
/// slots but never touches booked ones.
/// </summary>
public class ModeleDisponibilite : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public int ProfessionnelId { get; set; }
    public int? ActiviteId { get; set; }
    public DayOfWeek JourSemaine { get; set; }
    /// <summary>Local (Europe/Paris) start time of the first slot.</summary>
    public TimeOnly HeureDebut { get; set; }
    /// <summary>Local end time: the last slot ends at or before it.</summary>
    public TimeOnly HeureFin { get; set; }
    public int DureeCreneauMinutes { get; set; } = 20;
    public DateOnly DateDebut { get; set; }
    /// <summary>Last day (inclusive); null = until further notice.</summary>
    public DateOnly? DateFin { get; set; }
    public string TypeConsultation { get; set; } = TypesConsultation.Cabinet;
    public string Visibilite { get; set; } = Visibilites.Snp;
    public bool AvecRendezVous { get; set; } = true;
    public string? Motif { get; set; }
    /// <summary>Suspended (holidays) from this day…</summary>
    public DateOnly? SuspenduDu { get; set; }
    /// <summary>…to this day inclusive.</summary>
    public DateOnly? SuspenduAu { get; set; }
    /// <summary>Ended by the professional: no slot is materialised any more.</summary>
    public bool Archive { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime MisAJourLeUtc { get; set; }
}

public class ModeleDisponibiliteConfiguration : IEntityTypeConfiguration<ModeleDisponibilite>
{
    public void Configure(EntityTypeBuilder<ModeleDisponibilite> builder)
    {
        builder.Property(m => m.TypeConsultation).HasMaxLength(3);
        builder.Property(m => m.Visibilite).HasMaxLength(6);
        builder.Property(m => m.Motif).HasMaxLength(200);
        builder.HasIndex(m => m.ProfessionnelId);
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(m => m.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Annuaire.ActiviteProfessionnelle>().WithMany().HasForeignKey(m => m.ActiviteId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ModeleDisponibilite_Duree", "\"DureeCreneauMinutes\" BETWEEN 5 AND 240");
            t.HasCheckConstraint("CK_ModeleDisponibilite_Heures", "\"HeureFin\" > \"HeureDebut\"");
        });
    }
}
