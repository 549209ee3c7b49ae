using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// Priority criteria of a patient without médecin traitant. Stored as a bit set so that matching can test a GP's
/// restriction ("only ALD patients") with one AND; the API speaks the codes (<c>ALD</c>, <c>PLUS_70</c>…).
/// </summary>
[Flags]
public enum CriteresPriorite
{
    Aucun = 0,
    Ald = 1,
    Plus70 = 2,
    Moins16 = 4,
    Grossesse = 8,
    Handicap = 16,
    Precarite = 32,
    SortieHospitalisation = 64,
    TraitementChronique = 128,
}

/// <summary>Codes and French labels of <see cref="CriteresPriorite"/>.</summary>
public static class Criteres
{
    public static readonly IReadOnlyList<(CriteresPriorite Critere, string Code, string Libelle)> Tous =
    [
        (CriteresPriorite.Ald, "ALD", "Affection de longue durée (ALD)"),
        (CriteresPriorite.Plus70, "PLUS_70", "70 ans ou plus"),
        (CriteresPriorite.Moins16, "MOINS_16", "Enfant de moins de 16 ans"),
        (CriteresPriorite.Grossesse, "GROSSESSE", "Grossesse"),
        (CriteresPriorite.Handicap, "HANDICAP", "Situation de handicap"),
        (CriteresPriorite.Precarite, "PRECARITE", "Précarité (CSS / AME)"),
        (CriteresPriorite.SortieHospitalisation, "SORTIE_HOSPITALISATION", "Sortie d'hospitalisation récente"),
        (CriteresPriorite.TraitementChronique, "TRAITEMENT_CHRONIQUE", "Traitement chronique à renouveler"),
    ];

    public static CriteresPriorite? DepuisCode(string code) =>
        Tous.Where(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Select(c => (CriteresPriorite?)c.Critere).FirstOrDefault();

    public static IEnumerable<string> Codes(CriteresPriorite criteres) => Tous.Where(c => criteres.HasFlag(c.Critere)).Select(c => c.Code);

    public static IEnumerable<string> Libelles(CriteresPriorite criteres) => Tous.Where(c => criteres.HasFlag(c.Critere)).Select(c => c.Libelle);
}

/// <summary>Why the patient has no médecin traitant.</summary>
public static class RaisonsSansMedecin
{
    public const string DepartRetraite = "DepartRetraite";
    public const string DemenagementMedecin = "DemenagementMedecin";
    public const string JamaisEu = "JamaisEu";
    public const string ArriveeTerritoire = "ArriveeTerritoire";
    public const string Autre = "Autre";

    public static readonly IReadOnlyList<string> Toutes = [DepartRetraite, DemenagementMedecin, JamaisEu, ArriveeTerritoire, Autre];

    public static string Libelle(string code) => code switch
    {
        DepartRetraite => "Médecin parti à la retraite",
        DemenagementMedecin => "Médecin parti / a déménagé",
        JamaisEu => "N'a jamais eu de médecin traitant",
        ArriveeTerritoire => "Arrivé récemment sur le territoire",
        Autre => "Autre raison",
        _ => code,
    };
}

/// <summary>Life cycle of a request: waiting → proposed to a GP → accepted (patient being contacted) → placed.</summary>
public static class StatutsDemandeMt
{
    public const string EnAttente = "EnAttente";
    /// <summary>Sent to a GP by the Coordination, awaiting his answer.</summary>
    public const string Proposee = "Proposee";
    /// <summary>The GP accepted; the patient is being contacted until the déclaration is confirmed.</summary>
    public const string Acceptee = "Acceptee";
    /// <summary>Médecin traitant declaration confirmed: the request is closed.</summary>
    public const string Placee = "Placee";
    /// <summary>Merged into another request (duplicate), by a person.</summary>
    public const string Fusionnee = "Fusionnee";
    /// <summary>Withdrawn (found a GP alone, moved away, no longer reachable…).</summary>
    public const string Retiree = "Retiree";

    public static readonly IReadOnlyList<string> Tous = [EnAttente, Proposee, Acceptee, Placee, Fusionnee, Retiree];

    public static string Libelle(string code) => code switch
    {
        EnAttente => "En attente",
        Proposee => "Proposée à un médecin",
        Acceptee => "Acceptée, patient à contacter",
        Placee => "Placé",
        Fusionnee => "Fusionnée (doublon)",
        Retiree => "Retirée",
        _ => code,
    };
}

/// <summary>Who registered the request.</summary>
public static class OriginesDemandeMt
{
    public const string Coordination = "Coordination";
    public const string Professionnel = "Professionnel";
    public const string FormulairePublic = "FormulairePublic";
    public const string Api = "API";
}

/// <summary>
/// A patient of the territory without médecin traitant, on the CPTS waiting list. Health data: only the minimum is
/// kept, every read is audited by the pages that show it.
/// </summary>
public class DemandeMedecinTraitant : IPropreACpts
{
    public long Id { get; set; }
    /// <summary>Reference given to the patient (e.g. <c>MT-2026-004217</c>), unique.</summary>
    public string Reference { get; set; } = "";
    public int CptsId { get; set; }
    public string Nom { get; set; } = "";
    public string Prenom { get; set; } = "";
    /// <summary>Upper-case, accent-free "NOM PRENOM" (<see cref="Infrastructure.TexteRecherche"/>): duplicate detection and search.</summary>
    public string NomNormalise { get; set; } = "";
    public DateOnly DateNaissance { get; set; }
    /// <summary>F, M or I (indéterminé).</summary>
    public string Sexe { get; set; } = "";
    /// <summary>Identité nationale de santé, optional.</summary>
    public string? Ins { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
    public string CodeCommune { get; set; } = "";
    /// <summary><see cref="RaisonsSansMedecin"/>.</summary>
    public string Raison { get; set; } = RaisonsSansMedecin.Autre;
    public CriteresPriorite Criteres { get; set; }
    public string? Notes { get; set; }
    public bool ConsentementContact { get; set; }
    public DateTime? ConsentementLeUtc { get; set; }
    /// <summary><see cref="StatutsDemandeMt"/>.</summary>
    public string Statut { get; set; } = StatutsDemandeMt.EnAttente;
    /// <summary><see cref="OriginesDemandeMt"/>.</summary>
    public string Origine { get; set; } = OriginesDemandeMt.Coordination;
    public string? InscritPar { get; set; }
    /// <summary>Start of the wait: kept when a GP refuses, so the patient keeps his seniority.</summary>
    public DateTime InscritLeUtc { get; set; }
    /// <summary>Set when the request was merged into another one (duplicate).</summary>
    public long? FusionneeDansId { get; set; }
    /// <summary>The GP who became the médecin traitant.</summary>
    public int? MedecinProfessionnelId { get; set; }
    public DateTime? PlaceeLeUtc { get; set; }
}

/// <summary>One status change of a request: who, when, from what to what, and why.</summary>
public class HistoriqueDemandeMt : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long DemandeMedecinTraitantId { get; set; }
    public string? AncienStatut { get; set; }
    public string NouveauStatut { get; set; } = "";
    public string? Commentaire { get; set; }
    public string? Par { get; set; }
    public DateTime LeUtc { get; set; }
}

public class DemandeMedecinTraitantConfiguration : IEntityTypeConfiguration<DemandeMedecinTraitant>
{
    public void Configure(EntityTypeBuilder<DemandeMedecinTraitant> builder)
    {
        builder.ToTable("DemandesMedecinTraitant");
        builder.Property(d => d.Reference).HasMaxLength(20);
        builder.HasIndex(d => d.Reference).IsUnique();
        builder.Property(d => d.Nom).HasMaxLength(100);
        builder.Property(d => d.Prenom).HasMaxLength(100);
        builder.Property(d => d.NomNormalise).HasMaxLength(201);
        builder.Property(d => d.Sexe).HasMaxLength(1);
        builder.Property(d => d.Ins).HasMaxLength(30);
        builder.Property(d => d.Telephone).HasMaxLength(20);
        builder.Property(d => d.Email).HasMaxLength(200);
        builder.Property(d => d.CodeCommune).HasMaxLength(5);
        builder.Property(d => d.Raison).HasMaxLength(30);
        builder.Property(d => d.Notes).HasMaxLength(2000);
        builder.Property(d => d.Statut).HasMaxLength(12);
        builder.Property(d => d.Origine).HasMaxLength(20);
        builder.Property(d => d.InscritPar).HasMaxLength(200);
        builder.HasOne<Cpts>().WithMany().HasForeignKey(d => d.CptsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Commune>().WithMany().HasForeignKey(d => d.CodeCommune).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemandeMedecinTraitant>().WithMany().HasForeignKey(d => d.FusionneeDansId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(d => d.MedecinProfessionnelId).OnDelete(DeleteBehavior.SetNull);
        // The list is read by status, the duplicate check by name + birth date, and by INS.
        builder.HasIndex(d => new { d.CptsId, d.Statut });
        builder.HasIndex(d => new { d.NomNormalise, d.DateNaissance });
        builder.HasIndex(d => d.Ins);
        builder.HasIndex(d => new { d.Origine, d.InscritLeUtc });
    }
}

public class HistoriqueDemandeMtConfiguration : IEntityTypeConfiguration<HistoriqueDemandeMt>
{
    public void Configure(EntityTypeBuilder<HistoriqueDemandeMt> builder)
    {
        builder.ToTable("HistoriqueDemandesMedecinTraitant");
        builder.Property(h => h.AncienStatut).HasMaxLength(12);
        builder.Property(h => h.NouveauStatut).HasMaxLength(12);
        builder.Property(h => h.Commentaire).HasMaxLength(500);
        builder.Property(h => h.Par).HasMaxLength(200);
        builder.HasOne<DemandeMedecinTraitant>().WithMany().HasForeignKey(h => h.DemandeMedecinTraitantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.DemandeMedecinTraitantId, h.LeUtc });
    }
}
