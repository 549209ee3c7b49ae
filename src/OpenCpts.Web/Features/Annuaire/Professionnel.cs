using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>
/// A health professional of the directory, identified by his RPPS number. One professional has one
/// or more activities (<see cref="ActiviteProfessionnelle"/>), one per practice site.
/// </summary>
public class Professionnel
{
    public int Id { get; set; }
    /// <summary>RPPS number, 11 digits (the last one a Luhn key).</summary>
    public string Rpps { get; set; } = "";
    /// <summary>National identifier (IDNPS) = "8" + RPPS, used as FHIR identifier under urn:oid:1.2.250.1.71.4.2.1.</summary>
    public string IdentifiantNational { get; set; } = "";
    /// <summary>Title used in practice: DR, PR or empty (TRE_R11).</summary>
    public string? CiviliteExercice { get; set; }
    /// <summary>M or MME.</summary>
    public string? Civilite { get; set; }
    public string Nom { get; set; } = "";
    public string Prenom { get; set; } = "";
    /// <summary>Normalised "nom prenom" for accent-insensitive search (<see cref="Infrastructure.TexteRecherche"/>).</summary>
    public string NomRecherche { get; set; } = "";
    /// <summary>TRE_G15 profession code (10 médecin, 60 infirmier…).</summary>
    public string CodeProfession { get; set; } = "";
    /// <summary>TRE_R38 specialty code (SM54 médecine générale…), when the profession has one.</summary>
    public string? CodeSpecialite { get; set; }
    public string? Email { get; set; }
    public string? TelephoneMobile { get; set; }
    /// <summary>On leave until this day included: care requests are not sent to him meanwhile.</summary>
    public DateOnly? EnCongeJusquAu { get; set; }
    /// <summary>Where the entry comes from: "RPPS" (import) or "Saisie" (entered by the coordination).</summary>
    public string Source { get; set; } = "Saisie";
    public DateTime CreeLeUtc { get; set; }
    public DateTime MisAJourLeUtc { get; set; }

    public List<ActiviteProfessionnelle> Activites { get; set; } = [];
    public List<Competence> Competences { get; set; } = [];
    public List<Adhesion> Adhesions { get; set; } = [];

    public string NomComplet => $"{Prenom} {Nom}".Trim();

    public string NomAffiche => Civilites.NomAffiche(CiviliteExercice, Prenom, Nom);
}

/// <summary>
/// One activity of a professional on one site (a line of the RPPS extraction): mode of practice,
/// address, phone. Keyed by (professional, site identifier) so that a re-import updates it in place.
/// </summary>
public class ActiviteProfessionnelle
{
    public int Id { get; set; }
    public int ProfessionnelId { get; set; }
    /// <summary>Directory technical id of the site (RPPS column 24), or a generated one for entered sites.</summary>
    public string IdentifiantSite { get; set; } = "";
    /// <summary>TRE_R23: L libéral, S salarié, B bénévole.</summary>
    public string ModeExercice { get; set; } = "L";
    /// <summary>TRE_R02 sector (SA07 cabinet individuel, SA52 MSP, SA01 établissement public…).</summary>
    public string? SecteurActivite { get; set; }
    public string? RaisonSociale { get; set; }
    public string? Enseigne { get; set; }
    public string? ComplementAdresse { get; set; }
    /// <summary>Street line as printed ("47 B AVENUE DES ACACIAS").</summary>
    public string? Voie { get; set; }
    public string? CodePostal { get; set; }
    public string? CodeCommune { get; set; }
    public string? LibelleCommune { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
    public string? FinessSite { get; set; }
    public string? FinessJuridique { get; set; }
    public string? Siret { get; set; }
    /// <summary>Set when the source lacked part of the address (e.g. no postcode: derived from the commune).</summary>
    public bool AdresseIncomplete { get; set; }
    /// <summary>The directory structure this activity takes place in (matched on FINESS), if any.</summary>
    public int? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

/// <summary>A skill or activity a professional declares ("ETP diabète", "plaies complexes").</summary>
public class Competence
{
    public int Id { get; set; }
    public int ProfessionnelId { get; set; }
    public string Libelle { get; set; } = "";
    public string LibelleRecherche { get; set; } = "";
}

/// <summary>Membership of a professional in a CPTS (a professional can belong to several).</summary>
public class Adhesion : IPropreACpts
{
    public int CptsId { get; set; }
    public int ProfessionnelId { get; set; }
    public DateOnly DepuisLe { get; set; }
}

public class ProfessionnelConfiguration : IEntityTypeConfiguration<Professionnel>
{
    public void Configure(EntityTypeBuilder<Professionnel> b)
    {
        b.Property(p => p.Rpps).HasMaxLength(11);
        b.Property(p => p.IdentifiantNational).HasMaxLength(12);
        b.Property(p => p.CiviliteExercice).HasMaxLength(4);
        b.Property(p => p.Civilite).HasMaxLength(4);
        b.Property(p => p.Nom).HasMaxLength(100);
        b.Property(p => p.Prenom).HasMaxLength(100);
        b.Property(p => p.NomRecherche).HasMaxLength(210);
        b.Property(p => p.CodeProfession).HasMaxLength(4);
        b.Property(p => p.CodeSpecialite).HasMaxLength(8);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.TelephoneMobile).HasMaxLength(20);
        b.Property(p => p.Source).HasMaxLength(10);
        b.HasIndex(p => p.Rpps).IsUnique();
        b.HasIndex(p => p.IdentifiantNational).IsUnique();
        b.HasIndex(p => p.NomRecherche);
        b.HasIndex(p => new { p.CodeProfession, p.CodeSpecialite });
        b.HasMany(p => p.Activites).WithOne().HasForeignKey(a => a.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Competences).WithOne().HasForeignKey(c => c.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Adhesions).WithOne().HasForeignKey(a => a.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.NomComplet);
        b.Ignore(p => p.NomAffiche);
    }
}

public class ActiviteProfessionnelleConfiguration : IEntityTypeConfiguration<ActiviteProfessionnelle>
{
    public void Configure(EntityTypeBuilder<ActiviteProfessionnelle> b)
    {
        b.Property(a => a.IdentifiantSite).HasMaxLength(40);
        b.Property(a => a.ModeExercice).HasMaxLength(1);
        b.Property(a => a.SecteurActivite).HasMaxLength(8);
        b.Property(a => a.RaisonSociale).HasMaxLength(200);
        b.Property(a => a.Enseigne).HasMaxLength(200);
        b.Property(a => a.ComplementAdresse).HasMaxLength(200);
        b.Property(a => a.Voie).HasMaxLength(200);
        b.Property(a => a.CodePostal).HasMaxLength(5);
        b.Property(a => a.CodeCommune).HasMaxLength(5);
        b.Property(a => a.LibelleCommune).HasMaxLength(100);
        b.Property(a => a.Telephone).HasMaxLength(20);
        b.Property(a => a.Email).HasMaxLength(200);
        b.Property(a => a.FinessSite).HasMaxLength(9);
        b.Property(a => a.FinessJuridique).HasMaxLength(9);
        b.Property(a => a.Siret).HasMaxLength(14);
        // The upsert key of the RPPS import: one activity per professional and site.
        b.HasIndex(a => new { a.ProfessionnelId, a.IdentifiantSite }).IsUnique();
        b.HasIndex(a => a.CodeCommune);
        b.HasOne(a => a.Structure).WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class CompetenceConfiguration : IEntityTypeConfiguration<Competence>
{
    public void Configure(EntityTypeBuilder<Competence> b)
    {
        b.Property(c => c.Libelle).HasMaxLength(100);
        b.Property(c => c.LibelleRecherche).HasMaxLength(100);
        b.HasIndex(c => new { c.ProfessionnelId, c.LibelleRecherche }).IsUnique();
        b.HasIndex(c => c.LibelleRecherche);
    }
}

public class AdhesionConfiguration : IEntityTypeConfiguration<Adhesion>
{
    public void Configure(EntityTypeBuilder<Adhesion> b)
    {
        b.HasKey(a => new { a.CptsId, a.ProfessionnelId });
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(a => a.CptsId).OnDelete(DeleteBehavior.Cascade);
    }
}
