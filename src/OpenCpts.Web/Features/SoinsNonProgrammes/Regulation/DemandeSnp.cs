using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

public static class UrgencesDemande
{
    public const string JourMeme = "JourMeme";
    public const string Sous48h = "Sous48h";

    public static readonly IReadOnlyList<string> Toutes = [JourMeme, Sous48h];

    public static string Libelle(string code) => code switch
    {
        JourMeme => "Dans la journée",
        Sous48h => "Sous 48 h",
        _ => code,
    };
}

public static class StatutsDemande
{
    public const string Ouverte = "Ouverte";
    public const string Orientee = "Orientee";
    public const string SansSolution = "SansSolution";
    public const string Annulee = "Annulee";

    public static string Libelle(string code) => code switch
    {
        Ouverte => "Ouverte",
        Orientee => "Orientée (rendez-vous pris)",
        SansSolution => "Sans solution",
        Annulee => "Annulée",
        _ => code,
    };
}

/// <summary>
/// A patient's call taken by the regulation desk. It ends oriented (a booking), without solution, or cancelled.
/// </summary>
public class DemandeSnp : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public string NomPatient { get; set; } = "";
    public string PrenomPatient { get; set; } = "";
    public DateOnly DateNaissance { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
    public string? CodeCommune { get; set; }
    public string? Ins { get; set; }
    public string Motif { get; set; } = "";
    /// <summary><see cref="UrgencesDemande"/>.</summary>
    public string Urgence { get; set; } = UrgencesDemande.JourMeme;
    /// <summary><see cref="TypesConsultation"/>, null = any.</summary>
    public string? TypeSouhaite { get; set; }
    public bool AMedecinTraitant { get; set; }
    public string? NomMedecinTraitant { get; set; }
    /// <summary><see cref="StatutsDemande"/>.</summary>
    public string Statut { get; set; } = StatutsDemande.Ouverte;
    public string? CreePar { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public long? ReservationSnpId { get; set; }
}

public class DemandeSnpConfiguration : IEntityTypeConfiguration<DemandeSnp>
{
    public void Configure(EntityTypeBuilder<DemandeSnp> builder)
    {
        builder.Property(d => d.NomPatient).HasMaxLength(100);
        builder.Property(d => d.PrenomPatient).HasMaxLength(100);
        builder.Property(d => d.Telephone).HasMaxLength(20);
        builder.Property(d => d.Email).HasMaxLength(200);
        builder.Property(d => d.CodeCommune).HasMaxLength(5);
        builder.Property(d => d.Ins).HasMaxLength(30);
        builder.Property(d => d.Motif).HasMaxLength(500);
        builder.Property(d => d.Urgence).HasMaxLength(10);
        builder.Property(d => d.TypeSouhaite).HasMaxLength(3);
        builder.Property(d => d.NomMedecinTraitant).HasMaxLength(200);
        builder.Property(d => d.Statut).HasMaxLength(12);
        builder.Property(d => d.CreePar).HasMaxLength(200);
        // The desk lists today's requests.
        builder.HasIndex(d => d.CreeLeUtc);
        builder.HasOne<ReservationSnp>().WithMany().HasForeignKey(d => d.ReservationSnpId).OnDelete(DeleteBehavior.SetNull);
    }
}
