using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

public static class StatutsReservation
{
    public const string Confirmee = "Confirmee";
    public const string Annulee = "Annulee";
    public const string Honoree = "Honoree";
    public const string NonHonoree = "NonHonoree";
}

public static class OriginesReservation
{
    public const string Regulation = "Regulation";
    public const string Sas = "SAS";
    public const string Api = "API";
    /// <summary>Accepted by a professional from a surnuméraire invitation.</summary>
    public const string Surnumeraire = "Surnumeraire";
}

/// <summary>
/// A booking of an unscheduled-care slot for a patient. Only the minimum of patient data is kept
/// (health data: every read is audited by the pages that show it).
/// </summary>
public class ReservationSnp : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long CreneauSnpId { get; set; }
    public string NomPatient { get; set; } = "";
    public string PrenomPatient { get; set; } = "";
    public DateOnly DateNaissance { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
    public string? CodeCommune { get; set; }
    /// <summary>Identité nationale de santé, optional.</summary>
    public string? Ins { get; set; }
    public string? Motif { get; set; }
    /// <summary><see cref="StatutsReservation"/>.</summary>
    public string Statut { get; set; } = StatutsReservation.Confirmee;
    /// <summary>True while the booking holds its slot (confirmed, honoured or not honoured): at most one per slot.</summary>
    public bool Active { get; set; } = true;
    /// <summary><see cref="OriginesReservation"/>.</summary>
    public string Origine { get; set; } = OriginesReservation.Regulation;
    public string? CreePar { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime? AnnuleeLeUtc { get; set; }
    /// <summary>When the patient's reminder was sent (once, <see cref="Rappels.EnvoyerRappelsPatients"/>).</summary>
    public DateTime? RappelEnvoyeLeUtc { get; set; }
}

public class ReservationSnpConfiguration : IEntityTypeConfiguration<ReservationSnp>
{
    public void Configure(EntityTypeBuilder<ReservationSnp> builder)
    {
        builder.Property(r => r.NomPatient).HasMaxLength(100);
        builder.Property(r => r.PrenomPatient).HasMaxLength(100);
        builder.Property(r => r.Telephone).HasMaxLength(20);
        builder.Property(r => r.Email).HasMaxLength(200);
        builder.Property(r => r.CodeCommune).HasMaxLength(5);
        builder.Property(r => r.Ins).HasMaxLength(30);
        builder.Property(r => r.Motif).HasMaxLength(500);
        builder.Property(r => r.Statut).HasMaxLength(12);
        builder.Property(r => r.Origine).HasMaxLength(12);
        builder.Property(r => r.CreePar).HasMaxLength(200);
        // The last guard against double booking: one active booking per slot, whatever the code did.
        builder.HasIndex(r => r.CreneauSnpId).IsUnique().HasFilter("\"Active\" = TRUE");
        builder.HasOne<CreneauSnp>().WithMany().HasForeignKey(r => r.CreneauSnpId).OnDelete(DeleteBehavior.Restrict);
    }
}
