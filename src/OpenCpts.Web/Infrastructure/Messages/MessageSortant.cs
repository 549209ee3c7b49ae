using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Messages;

/// <summary>
/// A message to a patient or a contact, in the outbox: every SMS (sent from here by <c>EnvoiSms</c>, with retries),
/// and the e-mails when no SMTP server is configured (kept, not sent).
/// </summary>
public class MessageSortant : IPropreACptsOuPlateforme
{
    public long Id { get; set; }
    /// <summary>The CPTS concerned; null for the platform as a whole.</summary>
    public int? CptsId { get; set; }
    /// <summary><see cref="CanauxMessage"/>.</summary>
    public string Canal { get; set; } = CanauxMessage.Email;
    public string Destinataire { get; set; } = "";
    public string Sujet { get; set; } = "";
    public string Texte { get; set; } = "";
    public DateTime CreeLeUtc { get; set; }

    /// <summary><see cref="StatutsMessage"/>.</summary>
    public string Statut { get; set; } = StatutsMessage.NonEnvoye;
    /// <summary>Sends tried so far (a send counts as soon as it is claimed).</summary>
    public int Tentatives { get; set; }
    /// <summary>When the next send is due, while <see cref="StatutsMessage.EnAttente"/>; while a send runs, the end of
    /// its claim.</summary>
    public DateTime? ProchainEssaiUtc { get; set; }
    /// <summary>Why the last send failed, or why the message is not sent (never the text nor the recipient).</summary>
    public string? DerniereErreur { get; set; }
    /// <summary>The provider that took the message (<c>Twilio</c>, <c>Http</c>).</summary>
    public string? Fournisseur { get; set; }
    /// <summary>The provider's id of the message (Twilio's SM… SID, the gateway's id).</summary>
    public string? IdFournisseur { get; set; }
    /// <summary>What the provider said of the message when it took it ("queued", "accepted", "200"…).</summary>
    public string? StatutFournisseur { get; set; }
    public DateTime? EnvoyeLeUtc { get; set; }
}

/// <summary>Where a message stands.</summary>
public static class StatutsMessage
{
    /// <summary>Kept in the outbox, not sent: no SMS provider, or no SMTP server for an e-mail.</summary>
    public const string NonEnvoye = "NonEnvoye";
    /// <summary>An SMS waiting for its (next) send.</summary>
    public const string EnAttente = "EnAttente";
    /// <summary>Taken by the provider.</summary>
    public const string Envoye = "Envoye";
    /// <summary>Refused for good: not a mobile number, too long, or refused by the provider.</summary>
    public const string Echec = "Echec";
    /// <summary>Every try failed for a temporary reason: no more tries (the outbox may send it again).</summary>
    public const string Abandonne = "Abandonne";

    public static string Libelle(string statut) => statut switch
    {
        NonEnvoye => "Non envoyé",
        EnAttente => "En attente",
        Envoye => "Envoyé",
        Echec => "Échec",
        Abandonne => "Abandonné",
        _ => statut,
    };
}

public class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> builder)
    {
        builder.Property(m => m.Canal).HasMaxLength(5);
        builder.Property(m => m.Destinataire).HasMaxLength(200);
        builder.Property(m => m.Sujet).HasMaxLength(200);
        builder.Property(m => m.Texte).HasMaxLength(2000);
        builder.Property(m => m.Statut).HasMaxLength(12);
        builder.Property(m => m.DerniereErreur).HasMaxLength(500);
        builder.Property(m => m.Fournisseur).HasMaxLength(10);
        builder.Property(m => m.IdFournisseur).HasMaxLength(120);
        builder.Property(m => m.StatutFournisseur).HasMaxLength(40);
        builder.HasIndex(m => m.CreeLeUtc);
        // The sending job's query: the SMS due now.
        builder.HasIndex(m => new { m.Statut, m.ProchainEssaiUtc });
    }
}
