using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>The kinds of notification, each with its French label and whether it may go by SMS.</summary>
public static class TypesNotification
{
    public const string ReservationCreee = "ReservationCreee";
    public const string ReservationAnnulee = "ReservationAnnulee";
    public const string ReservationDeplacee = "ReservationDeplacee";
    public const string DemandePec = "DemandePec";
    public const string MessageEquipe = "MessageEquipe";
    public const string TacheEcheance = "TacheEcheance";
    public const string PropositionMt = "PropositionMt";
    public const string AlerteSortie = "AlerteSortie";
    public const string Escalade = "Escalade";

    public static readonly IReadOnlyList<string> Tous =
        [ReservationCreee, ReservationAnnulee, ReservationDeplacee, DemandePec, MessageEquipe, TacheEcheance, PropositionMt, AlerteSortie, Escalade];

    public static string Libelle(string type) => type switch
    {
        ReservationCreee => "Rendez-vous pris sur mes créneaux",
        ReservationAnnulee => "Rendez-vous annulé sur mes créneaux",
        ReservationDeplacee => "Rendez-vous déplacé sur mes créneaux",
        DemandePec => "Demande de prise en charge pour moi",
        MessageEquipe => "Message d'une équipe de soins",
        TacheEcheance => "Tâche de parcours à échéance ou en retard",
        PropositionMt => "Patients proposés (médecin traitant)",
        AlerteSortie => "Alerte de sortie d'hospitalisation",
        Escalade => "Demande de prise en charge sans preneur",
        _ => type,
    };

    /// <summary>
    /// SMS is offered only for the kinds that call for a quick reaction (a booking on one's slots, a care request, an
    /// escalation); the others are read on the platform or by e-mail.
    /// </summary>
    public static bool SmsPermis(string type) => type is ReservationCreee or ReservationAnnulee or ReservationDeplacee or DemandePec or Escalade;
}

/// <summary>How a person wants to hear of a kind of notification (always in the application as well).</summary>
public static class CanauxNotification
{
    public const string InApp = "InApp";
    public const string Email = "Email";
    public const string Sms = "Sms";
}

/// <summary>
/// A notification shown in an account's notification centre. Its title never names a patient beyond initials and
/// carries no clinical text: the same title goes by e-mail or SMS. The link leads to the object, whose page checks
/// access as always.
/// </summary>
public class Notification : IPropreACpts
{
    public long Id { get; set; }
    public int CptsId { get; set; }
    /// <summary>The recipient account (<c>Utilisateur.Id</c>).</summary>
    public string UtilisateurId { get; set; } = "";
    /// <summary><see cref="TypesNotification"/>.</summary>
    public string Type { get; set; } = "";
    public string Titre { get; set; } = "";
    /// <summary>Relative URL of the object (<c>/parcours/demandes/12</c>).</summary>
    public string Lien { get; set; } = "";
    public DateTime CreeLeUtc { get; set; }
    public DateTime? LueLeUtc { get; set; }
    /// <summary>When it went out in a daily digest e-mail (null: not yet, or not a digest kind for its recipient).</summary>
    public DateTime? DigestLeUtc { get; set; }
}

/// <summary>An account's choice for one kind of notification; without a row, in-app only.</summary>
public class PreferenceNotification
{
    public string UtilisateurId { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary><see cref="CanauxNotification"/>.</summary>
    public string Canal { get; set; } = CanauxNotification.InApp;
    /// <summary>With <see cref="CanauxNotification.Email"/>: one daily digest e-mail instead of one e-mail per event.</summary>
    public bool Digest { get; set; }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Type).HasMaxLength(40);
        b.Property(n => n.Titre).HasMaxLength(200);
        b.Property(n => n.Lien).HasMaxLength(300);
        // The bell counts an account's unread notifications of its CPTS: one index seek.
        b.HasIndex(n => new { n.CptsId, n.UtilisateurId, n.LueLeUtc });
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(n => n.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PreferenceNotificationConfiguration : IEntityTypeConfiguration<PreferenceNotification>
{
    public void Configure(EntityTypeBuilder<PreferenceNotification> b)
    {
        b.ToTable("PreferencesNotification");
        b.HasKey(p => new { p.UtilisateurId, p.Type });
        b.Property(p => p.Type).HasMaxLength(40);
        b.Property(p => p.Canal).HasMaxLength(10);
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(p => p.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
