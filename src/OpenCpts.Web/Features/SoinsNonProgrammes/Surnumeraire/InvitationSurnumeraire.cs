using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;

public static class StatutsInvitation
{
    public const string EnAttente = "EnAttente";
    public const string Acceptee = "Acceptee";
    public const string Refusee = "Refusee";
    /// <summary>Another professional accepted first (or the request was closed): nothing more to answer.</summary>
    public const string Close = "Close";

    public static string Libelle(string code) => code switch
    {
        EnAttente => "En attente",
        Acceptee => "Acceptée",
        Refusee => "Refusée",
        Close => "Déjà prise",
        _ => code,
    };
}

/// <summary>
/// A request with no fitting slot, sent to one chosen professional so that he sees the patient as an
/// extra ("surnuméraire") appointment. The first acceptance of a request wins: its request becomes
/// oriented and the other invitations are closed.
/// </summary>
public class InvitationSurnumeraire : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    public long DemandeSnpId { get; set; }
    public int ProfessionnelId { get; set; }
    public DateTime EnvoyeeLeUtc { get; set; }
    public string? EnvoyeePar { get; set; }
    /// <summary><see cref="StatutsInvitation"/>.</summary>
    public string Statut { get; set; } = StatutsInvitation.EnAttente;
    public DateTime? ReponduLeUtc { get; set; }
    /// <summary>Start of the appointment the professional proposes when accepting (UTC).</summary>
    public DateTime? RendezVousUtc { get; set; }
    /// <summary>The practice site of that appointment.</summary>
    public int? ActiviteId { get; set; }
    public string? MotifRefus { get; set; }
}

public class InvitationSurnumeraireConfiguration : IEntityTypeConfiguration<InvitationSurnumeraire>
{
    public void Configure(EntityTypeBuilder<InvitationSurnumeraire> builder)
    {
        builder.Property(i => i.EnvoyeePar).HasMaxLength(200);
        builder.Property(i => i.Statut).HasMaxLength(10);
        builder.Property(i => i.MotifRefus).HasMaxLength(300);
        // One invitation per professional and request: sending twice invites nobody twice.
        builder.HasIndex(i => new { i.DemandeSnpId, i.ProfessionnelId }).IsUnique();
        // The last guard of "first acceptance wins": at most one accepted invitation per request.
        builder.HasIndex(i => i.DemandeSnpId).IsUnique().HasFilter("\"Statut\" = 'Acceptee'").HasDatabaseName("IX_InvitationsSurnumeraire_Acceptee");
        // A professional's page lists his invitations.
        builder.HasIndex(i => new { i.ProfessionnelId, i.Statut });
        builder.HasOne<DemandeSnp>().WithMany().HasForeignKey(i => i.DemandeSnpId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(i => i.ProfessionnelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Annuaire.ActiviteProfessionnelle>().WithMany().HasForeignKey(i => i.ActiviteId).OnDelete(DeleteBehavior.SetNull);
    }
}
