using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>
/// A health, social or medico-social structure of the directory (hospital, MSP, pharmacy, EHPAD,
/// SSIAD, DAC, CMP…), identified by FINESS and/or SIRET.
/// </summary>
public class Structure
{
    public int Id { get; set; }
    /// <summary>FINESS of the geographic establishment (ET), 9 characters.</summary>
    public string? Finess { get; set; }
    /// <summary>FINESS of the legal entity (EJ).</summary>
    public string? FinessJuridique { get; set; }
    public string? Siret { get; set; }
    /// <summary>TRE_R66 category (355 centre hospitalier, 603 maison de santé, 620 pharmacie…).</summary>
    public string CodeCategorie { get; set; } = "";
    public string Nom { get; set; } = "";
    public string NomRecherche { get; set; } = "";
    public string? Voie { get; set; }
    public string? CodePostal { get; set; }
    public string? CodeCommune { get; set; }
    public string? LibelleCommune { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Closed establishments stay for history (FINESS marks them, never deletes them); hidden from choices.</summary>
    public DateOnly? FermeeLe { get; set; }
    public bool Fermee { get; set; }
    /// <summary>Where the entry comes from: "FINESS" (import; the import keeps it up to date) or "Saisie" (entered by a
    /// coordination for what FINESS does not list: a DAC, a CLS, an association; the import never touches it).</summary>
    public string Source { get; set; } = SourcesStructure.Saisie;
    /// <summary>The CPTS whose coordination entered the structure (Source "Saisie"): only it may edit or close it.</summary>
    public int? SaisieParCptsId { get; set; }
    /// <summary>When a coordination last changed the phone or e-mail of a FINESS structure by hand: from then on the
    /// import leaves those two fields alone (the rest still follows FINESS).</summary>
    public DateTime? ContactSaisiLeUtc { get; set; }
    public DateTime CreeLeUtc { get; set; }
    public DateTime MisAJourLeUtc { get; set; }
}

public static class SourcesStructure
{
    public const string Finess = "FINESS";
    public const string Saisie = "Saisie";
}

public class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.Property(s => s.Finess).HasMaxLength(9);
        b.Property(s => s.FinessJuridique).HasMaxLength(9);
        b.Property(s => s.Siret).HasMaxLength(14);
        b.Property(s => s.CodeCategorie).HasMaxLength(4);
        b.Property(s => s.Nom).HasMaxLength(200);
        b.Property(s => s.NomRecherche).HasMaxLength(200);
        b.Property(s => s.Voie).HasMaxLength(200);
        b.Property(s => s.CodePostal).HasMaxLength(5);
        b.Property(s => s.CodeCommune).HasMaxLength(5);
        b.Property(s => s.LibelleCommune).HasMaxLength(100);
        b.Property(s => s.Telephone).HasMaxLength(20);
        b.Property(s => s.Email).HasMaxLength(200);
        b.Property(s => s.Source).HasMaxLength(10);
        b.HasOne<Cpts>().WithMany().HasForeignKey(s => s.SaisieParCptsId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => s.Finess).IsUnique();
        b.HasIndex(s => s.NomRecherche);
        b.HasIndex(s => s.CodeCommune);
    }
}
