using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenCpts.Web.Infrastructure.Audit;

/// <summary>
/// One access to health data: who read (or changed) what, and when. Written by the pages and
/// endpoints that show patient data, consulted by the Coordination. Never updated nor deleted by the
/// application.
/// </summary>
public class EntreeAudit
{
    public long Id { get; set; }
    public DateTime HorodatageUtc { get; set; }
    public string? UtilisateurId { get; set; }
    /// <summary>E-mail of the account at the time (kept even if the account is deleted later).</summary>
    public string Utilisateur { get; set; } = "";
    /// <summary>"Lecture", "Creation", "Modification", "Export".</summary>
    public string Action { get; set; } = "Lecture";
    /// <summary>What was accessed: "ReservationSnp", "DemandeSnp"…</summary>
    public string Ressource { get; set; } = "";
    public string RessourceId { get; set; } = "";
    /// <summary>Free detail without health content (e.g. the page or endpoint).</summary>
    public string? Detail { get; set; }
    /// <summary>The pathway patient whose data was accessed, so that the Coordination can list every access to one patient.</summary>
    public long? PatientId { get; set; }
}

public class EntreeAuditConfiguration : IEntityTypeConfiguration<EntreeAudit>
{
    public void Configure(EntityTypeBuilder<EntreeAudit> builder)
    {
        builder.Property(e => e.UtilisateurId).HasMaxLength(450);
        builder.Property(e => e.Utilisateur).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(20);
        builder.Property(e => e.Ressource).HasMaxLength(50);
        builder.Property(e => e.RessourceId).HasMaxLength(50);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.HasIndex(e => e.HorodatageUtc);
        builder.HasIndex(e => new { e.Ressource, e.RessourceId });
        builder.HasIndex(e => e.PatientId);
    }
}
