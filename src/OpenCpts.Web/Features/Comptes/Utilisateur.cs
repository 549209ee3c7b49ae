using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>An account of the platform (ASP.NET Core Identity user).</summary>
public class Utilisateur : IdentityUser
{
    public string NomAffiche { get; set; } = "";
    /// <summary>The directory entry of a Professionnel account.</summary>
    public int? ProfessionnelId { get; set; }
    /// <summary>The structure of an establishment account (e.g. a hospital discharge team).</summary>
    public int? StructureId { get; set; }
    public DateTime CreeLeUtc { get; set; }
    /// <summary>Set by the Coordination when the person leaves: no sign-in, no API token, no calendar feed, every session
    /// ended (<see cref="Administration.DesactiverCompte"/>). Account-wide, like the roles.</summary>
    public DateTime? DesactiveLeUtc { get; set; }
}

/// <summary>The roles of the platform. Role names are stored; labels are shown.</summary>
public static class Roles
{
    public const string Coordination = "Coordination";
    public const string Regulation = "Regulation";
    public const string Professionnel = "Professionnel";
    public const string Bureau = "Bureau";
    public const string LectureInstitutionnelle = "LectureInstitutionnelle";
    /// <summary>A hospital (or other structure) team: opens discharge plans and care requests for its patients.</summary>
    public const string Etablissement = "Etablissement";
    /// <summary>The SAS platform's machine account: calls /fhir with its API token and has no business on the web pages.</summary>
    public const string PlateformeSas = "PlateformeSas";

    public static readonly IReadOnlyList<string> Tous = [Coordination, Regulation, Professionnel, Bureau, LectureInstitutionnelle, Etablissement, PlateformeSas];

    /// <summary>The roles that see patient identities: two-factor authentication is required for them by default.</summary>
    public static readonly IReadOnlyList<string> VoientDesPatients = [Coordination, Regulation, Professionnel, Etablissement];

    public static string Libelle(string role) => role switch
    {
        Coordination => "Coordination",
        Regulation => "Régulation",
        Professionnel => "Professionnel",
        Bureau => "Bureau",
        LectureInstitutionnelle => "Lecture institutionnelle",
        Etablissement => "Établissement",
        PlateformeSas => "Plateforme SAS",
        _ => role,
    };
}

/// <summary>Whether members of a role must use two-factor authentication (set by the Coordination).</summary>
public class ExigenceDeuxFacteurs
{
    public string Role { get; set; } = "";
    public bool Exigee { get; set; }
}

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored; the token itself is shown once at creation.
/// </summary>
public class JetonApi
{
    public int Id { get; set; }
    public string UtilisateurId { get; set; } = "";
    public string Nom { get; set; } = "";
    /// <summary>First characters of the token, to recognise it in lists without revealing it.</summary>
    public string Prefixe { get; set; } = "";
    public string Empreinte { get; set; } = "";
    public DateTime CreeLeUtc { get; set; }
    public DateTime? DernierUsageUtc { get; set; }
    public DateTime? RevoqueLeUtc { get; set; }
    public DateTime ExpireLeUtc { get; set; }
    /// <summary>The owner's security stamp when the token was created: a password, 2FA or lockout change
    /// renews the stamp and so invalidates every token issued before it.</summary>
    public string TamponSecurite { get; set; } = "";
}

public class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> b)
    {
        b.Property(u => u.NomAffiche).HasMaxLength(200);
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(u => u.ProfessionnelId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Annuaire.Structure>().WithMany().HasForeignKey(u => u.StructureId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class ExigenceDeuxFacteursConfiguration : IEntityTypeConfiguration<ExigenceDeuxFacteurs>
{
    public void Configure(EntityTypeBuilder<ExigenceDeuxFacteurs> b)
    {
        b.HasKey(e => e.Role);
        b.Property(e => e.Role).HasMaxLength(50);
    }
}

public class JetonApiConfiguration : IEntityTypeConfiguration<JetonApi>
{
    public void Configure(EntityTypeBuilder<JetonApi> b)
    {
        b.Property(j => j.Nom).HasMaxLength(100);
        b.Property(j => j.Prefixe).HasMaxLength(16);
        b.Property(j => j.Empreinte).HasMaxLength(64);
        b.Property(j => j.TamponSecurite).HasMaxLength(256);
        b.HasIndex(j => j.Empreinte).IsUnique();
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(j => j.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
