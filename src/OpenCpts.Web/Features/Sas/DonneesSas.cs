using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.Sas.Fhir;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Sas;

/// <summary>
/// A regulator account pushed by the SAS platform (INT_R02, profile FrPractitionerRegul). Kept apart from the
/// directory's professionals: these are SAS users, not people whose agendas we publish.
/// A regulator may come with the SAS technical id only, and get his national id (IDNPS) in a later update,
/// so both are kept and either finds the account.
/// </summary>
public class CompteRegulateurSas
{
    public long Id { get; set; }
    /// <summary>National id (system urn:oid:1.2.250.1.71.4.2.1), when the SAS sent one.</summary>
    public string? IdentifiantNational { get; set; }
    /// <summary>SAS technical id (system urn:oid:1.2.250.1.213.3.6), when the SAS sent one.</summary>
    public string? IdentifiantSas { get; set; }
    public string Nom { get; set; } = "";
    public string Prenom { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>False when the SAS withdrew the regulator's habilitation: no more sign-in links.</summary>
    public bool Actif { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime MisAJourLeUtc { get; set; }

    /// <summary>The identifier named on the appointments he books: the national one when known.</summary>
    public RegulateurSas Identifiant() => IdentifiantNational is not null
        ? new RegulateurSas(RessourcesSas.SystemeIdnps, IdentifiantNational)
        : new RegulateurSas(RegulateurSas.SystemeTechniqueSas, IdentifiantSas!);
}

public class CompteRegulateurSasConfiguration : IEntityTypeConfiguration<CompteRegulateurSas>
{
    public void Configure(EntityTypeBuilder<CompteRegulateurSas> builder)
    {
        builder.ToTable("ComptesRegulateursSas");
        builder.Property(c => c.IdentifiantNational).HasMaxLength(64);
        builder.Property(c => c.IdentifiantSas).HasMaxLength(64);
        builder.Property(c => c.Nom).HasMaxLength(100);
        builder.Property(c => c.Prenom).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(200);
        // Two pushes of the same regulator at once must not create two accounts (NULLs are not compared).
        builder.HasIndex(c => c.IdentifiantNational).IsUnique();
        builder.HasIndex(c => c.IdentifiantSas).IsUnique();
    }
}

/// <summary>A single-use sign-in link delivered to the SAS platform for one regulator and one slot.
/// Only the SHA-256 of the secret is stored.</summary>
public class JetonConnexionSas
{
    public long Id { get; set; }
    public string Empreinte { get; set; } = "";
    public long CompteRegulateurSasId { get; set; }
    public long CreneauSnpId { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime ExpireLeUtc { get; set; }
    /// <summary>Set by the conditional update that consumes the link: a second use affects no row.</summary>
    public DateTime? UtiliseLeUtc { get; set; }
}

public class JetonConnexionSasConfiguration : IEntityTypeConfiguration<JetonConnexionSas>
{
    public void Configure(EntityTypeBuilder<JetonConnexionSas> builder)
    {
        builder.ToTable("JetonsConnexionSas");
        builder.Property(j => j.Empreinte).HasMaxLength(64);
        builder.HasIndex(j => j.Empreinte).IsUnique();
        builder.HasOne<CompteRegulateurSas>().WithMany().HasForeignKey(j => j.CompteRegulateurSasId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A booking made by a SAS regulator: who booked it, for the Appointment pushed back to the SAS.</summary>
public class ReservationSas : IPropreACpts
{
    public long ReservationSnpId { get; set; }
    public int CptsId { get; set; }
    public long CompteRegulateurSasId { get; set; }
}

public class ReservationSasConfiguration : IEntityTypeConfiguration<ReservationSas>
{
    public void Configure(EntityTypeBuilder<ReservationSas> builder)
    {
        builder.ToTable("ReservationsSas");
        builder.HasKey(r => r.ReservationSnpId);
        builder.HasOne<ReservationSnp>().WithOne().HasForeignKey<ReservationSas>(r => r.ReservationSnpId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CompteRegulateurSas>().WithMany().HasForeignKey(r => r.CompteRegulateurSasId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class NaturesEnvoiSas
{
    /// <summary>The booking: POST Appointment.</summary>
    public const string Creation = "Creation";
    /// <summary>A change of status: conditional PUT on our identifier.</summary>
    public const string MiseAJour = "MiseAJour";
}

/// <summary>
/// The outbox of appointments to push to the SAS (INT_R03): written in the same transaction as the booking or
/// its change, sent later by <see cref="EnvoisSasPeriodiques"/> with retries, so a SAS outage loses nothing.
/// </summary>
public class EnvoiSas : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long ReservationSnpId { get; set; }
    /// <summary><see cref="NaturesEnvoiSas"/>.</summary>
    public string Nature { get; set; } = NaturesEnvoiSas.Creation;
    public int Tentatives { get; set; }
    /// <summary>When the next attempt is due; null once sent or abandoned (refused for good by the SAS).</summary>
    public DateTime? ProchainEssaiUtc { get; set; }
    public string? DerniereErreur { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime? EnvoyeLeUtc { get; set; }
}

public class EnvoiSasConfiguration : IEntityTypeConfiguration<EnvoiSas>
{
    public void Configure(EntityTypeBuilder<EnvoiSas> builder)
    {
        builder.ToTable("EnvoisSas");
        builder.Property(e => e.Nature).HasMaxLength(12);
        builder.Property(e => e.DerniereErreur).HasMaxLength(1000);
        builder.HasIndex(e => e.ProchainEssaiUtc);
        builder.HasIndex(e => e.ReservationSnpId);
        builder.HasOne<ReservationSnp>().WithMany().HasForeignKey(e => e.ReservationSnpId).OnDelete(DeleteBehavior.Cascade);
    }
}
