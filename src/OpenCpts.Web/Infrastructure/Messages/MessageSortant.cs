using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Messages;

/// <summary>A message that the platform would send (development outbox, and every SMS: no SMS provider yet).</summary>
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
}

public class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> builder)
    {
        builder.Property(m => m.Canal).HasMaxLength(5);
        builder.Property(m => m.Destinataire).HasMaxLength(200);
        builder.Property(m => m.Sujet).HasMaxLength(200);
        builder.Property(m => m.Texte).HasMaxLength(2000);
        builder.HasIndex(m => m.CreeLeUtc);
    }
}
