using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>
/// What a GP declares he can take: new patients per month and the restrictions he chooses. A restriction left empty
/// means "no restriction".
/// </summary>
public class CapaciteMedecin : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public int ProfessionnelId { get; set; }
    public int NouveauxPatientsParMois { get; set; }
    /// <summary>INSEE codes of the communes whose residents he accepts, comma-separated; empty = any commune.</summary>
    public string CommunesAcceptees { get; set; } = "";
    /// <summary>Youngest age accepted (years), inclusive.</summary>
    public int? AgeMin { get; set; }
    /// <summary>Oldest age accepted (years), inclusive.</summary>
    public int? AgeMax { get; set; }
    /// <summary>Only patients having at least one of these criteria; <see cref="CriteresPriorite.Aucun"/> = any patient.</summary>
    public CriteresPriorite CriteresExiges { get; set; }
    /// <summary>Paused (holidays, full practice): no proposal is made to him.</summary>
    public bool EnPause { get; set; }
    public DateTime ModifieeLeUtc { get; set; }
    public string? ModifieePar { get; set; }

    public IReadOnlyList<string> Communes() =>
        CommunesAcceptees.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class StatutsProposition
{
    /// <summary>Computed, reviewed and adjusted by the Coordination; GPs do not see it yet.</summary>
    public const string Brouillon = "Brouillon";
    public const string Envoyee = "Envoyee";
    /// <summary>Discarded before being sent.</summary>
    public const string Abandonnee = "Abandonnee";
}

/// <summary>One matching run: its assignments are reviewed by the Coordination, then sent to the GPs.</summary>
public class PropositionAppariement : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    /// <summary><see cref="StatutsProposition"/>.</summary>
    public string Statut { get; set; } = StatutsProposition.Brouillon;
    public string? CreeePar { get; set; }
    public DateTime CreeeLeUtc { get; set; }
    public DateTime? EnvoyeeLeUtc { get; set; }
    /// <summary>Waiting patients left without a GP by this run.</summary>
    public int NonAffectees { get; set; }
}

public static class StatutsAffectation
{
    /// <summary>In a draft proposal.</summary>
    public const string Proposee = "Proposee";
    /// <summary>Sent to the GP, awaiting his answer.</summary>
    public const string EnAttenteReponse = "EnAttenteReponse";
    public const string Acceptee = "Acceptee";
    public const string Refusee = "Refusee";
    /// <summary>Removed by the Coordination during review.</summary>
    public const string Retiree = "Retiree";

    public static string Libelle(string code) => code switch
    {
        Proposee => "Proposée",
        EnAttenteReponse => "En attente de réponse",
        Acceptee => "Acceptée",
        Refusee => "Refusée",
        Retiree => "Retirée",
        _ => code,
    };
}

/// <summary>One patient proposed to one GP within a proposal.</summary>
public class AffectationMt : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long PropositionAppariementId { get; set; }
    public long DemandeMedecinTraitantId { get; set; }
    public int ProfessionnelId { get; set; }
    /// <summary><see cref="StatutsAffectation"/>.</summary>
    public string Statut { get; set; } = StatutsAffectation.Proposee;
    /// <summary>Distance in km when both places have coordinates; null otherwise.</summary>
    public double? DistanceKm { get; set; }
    public string? MotifRefus { get; set; }
    public DateTime? RepondueLeUtc { get; set; }
}

public class CapaciteMedecinConfiguration : IEntityTypeConfiguration<CapaciteMedecin>
{
    public void Configure(EntityTypeBuilder<CapaciteMedecin> builder)
    {
        builder.ToTable("CapacitesMedecin");
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(c => c.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ProfessionnelId).IsUnique();
        builder.Property(c => c.CommunesAcceptees).HasMaxLength(2000);
        builder.Property(c => c.ModifieePar).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_CapacitesMedecin_Positive", "\"NouveauxPatientsParMois\" >= 0"));
    }
}

public class PropositionAppariementConfiguration : IEntityTypeConfiguration<PropositionAppariement>
{
    public void Configure(EntityTypeBuilder<PropositionAppariement> builder)
    {
        builder.ToTable("PropositionsAppariement");
        builder.Property(p => p.Statut).HasMaxLength(12);
        builder.Property(p => p.CreeePar).HasMaxLength(200);
        builder.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(p => p.CptsId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AffectationMtConfiguration : IEntityTypeConfiguration<AffectationMt>
{
    public void Configure(EntityTypeBuilder<AffectationMt> builder)
    {
        builder.ToTable("AffectationsMedecinTraitant");
        builder.Property(a => a.Statut).HasMaxLength(20);
        builder.Property(a => a.MotifRefus).HasMaxLength(500);
        builder.HasOne<PropositionAppariement>().WithMany().HasForeignKey(a => a.PropositionAppariementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DemandeMedecinTraitant>().WithMany().HasForeignKey(a => a.DemandeMedecinTraitantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(a => a.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ProfessionnelId, a.Statut });
        builder.HasIndex(a => new { a.DemandeMedecinTraitantId, a.Statut });
        // A patient is proposed at most once per run.
        builder.HasIndex(a => new { a.PropositionAppariementId, a.DemandeMedecinTraitantId }).IsUnique();
    }
}

/// <summary>Weights of the priority score, tunable per CPTS on the settings page.</summary>
public class PonderationPriorite : IPropreACpts
{
    public int Id { get; set; }
    public int CptsId { get; set; }
    public int PoidsAld { get; set; } = 30;
    public int PoidsPlus70 { get; set; } = 20;
    public int PoidsMoins16 { get; set; } = 15;
    public int PoidsGrossesse { get; set; } = 25;
    public int PoidsHandicap { get; set; } = 20;
    public int PoidsPrecarite { get; set; } = 15;
    public int PoidsSortieHospitalisation { get; set; } = 25;
    public int PoidsTraitementChronique { get; set; } = 20;
    /// <summary>Points per full month of waiting, so that nobody waits forever behind newer urgent cases.</summary>
    public int PoidsParMoisAttente { get; set; } = 5;
    public DateTime ModifieeLeUtc { get; set; }
    public string? ModifieePar { get; set; }
}

public class PonderationPrioriteConfiguration : IEntityTypeConfiguration<PonderationPriorite>
{
    public void Configure(EntityTypeBuilder<PonderationPriorite> builder)
    {
        builder.ToTable("PonderationsPriorite");
        builder.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(p => p.CptsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CptsId).IsUnique();
        builder.Property(p => p.ModifieePar).HasMaxLength(200);
    }
}
