using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Audit;

/// <summary>
/// One access to health data or one security-relevant act: who read (or changed, or was refused) what,
/// when, from where and how he was authenticated. Written by the pages and endpoints that show patient
/// data, consulted by the Coordination. Append-only: the application never updates nor deletes an entry,
/// and on PostgreSQL the table itself refuses UPDATE and DELETE (trigger created by a migration).
/// </summary>
public class EntreeAudit : IPropreACptsOuPlateforme
{
    public long Id { get; set; }
    /// <summary>The CPTS concerned; null for the platform as a whole.</summary>
    public int? CptsId { get; set; }
    public DateTime HorodatageUtc { get; set; }
    public string? UtilisateurId { get; set; }
    /// <summary>E-mail of the account at the time (kept even if the account is deleted later).</summary>
    public string Utilisateur { get; set; } = "";
    /// <summary>The caller's roles at the time, comma-separated (empty for an anonymous caller or the system).</summary>
    public string? Roles { get; set; }
    /// <summary>"Lecture", "Creation", "Modification", "Suppression", "Export", "Refus", "Connexion", "Administration".</summary>
    public string Action { get; set; } = "Lecture";
    /// <summary>What was accessed: "ReservationSnp", "DemandeSnp"…</summary>
    public string Ressource { get; set; } = "";
    public string RessourceId { get; set; } = "";
    /// <summary>Free detail without health content (e.g. the page or endpoint).</summary>
    public string? Detail { get; set; }
    /// <summary>The pathway patient whose data was accessed, so that the Coordination can list every access to one patient.</summary>
    public long? PatientId { get; set; }
    /// <summary>The client's address (after the configured proxies), IPv4 or IPv6.</summary>
    public string? AdresseIp { get; set; }
    /// <summary>The client's User-Agent header, truncated.</summary>
    public string? AgentUtilisateur { get; set; }
    /// <summary>How the caller proved who he is: see <see cref="MethodesAuthentification"/>.</summary>
    public string? MethodeAuthentification { get; set; }
}

/// <summary>Values of <see cref="EntreeAudit.MethodeAuthentification"/>.</summary>
public static class MethodesAuthentification
{
    public const string MotDePasse = "mot de passe";
    public const string DeuxFacteurs = "double authentification";
    /// <summary>Followed by ":" and the token's id.</summary>
    public const string JetonApi = "jeton d'API";
    public const string LienSas = "lien SAS";
    public const string Anonyme = "anonyme";
    public const string Systeme = "système";
}

public class EntreeAuditConfiguration : IEntityTypeConfiguration<EntreeAudit>
{
    public void Configure(EntityTypeBuilder<EntreeAudit> builder)
    {
        builder.Property(e => e.UtilisateurId).HasMaxLength(450);
        builder.Property(e => e.Utilisateur).HasMaxLength(256);
        builder.Property(e => e.Roles).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(20);
        builder.Property(e => e.Ressource).HasMaxLength(50);
        builder.Property(e => e.RessourceId).HasMaxLength(50);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.Property(e => e.AdresseIp).HasMaxLength(45);
        builder.Property(e => e.AgentUtilisateur).HasMaxLength(300);
        builder.Property(e => e.MethodeAuthentification).HasMaxLength(60);
        builder.HasIndex(e => e.HorodatageUtc);
        builder.HasIndex(e => new { e.Ressource, e.RessourceId });
        builder.HasIndex(e => e.PatientId);
        builder.HasIndex(e => e.UtilisateurId);
    }
}
