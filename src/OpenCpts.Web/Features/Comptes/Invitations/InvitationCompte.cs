using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Invitations;

/// <summary>
/// An invitation to open an account in a CPTS: the link sent by e-mail carries a random secret, of which only the
/// SHA-256 hash is stored. It is used once, within <see cref="Validite"/>; resending it issues a new secret.
/// </summary>
public class InvitationCompte : IPropreACpts
{
    public static readonly TimeSpan Validite = TimeSpan.FromDays(7);

    public int Id { get; set; }
    public int CptsId { get; set; }
    public string Email { get; set; } = "";
    public string NomAffiche { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>The directory entry the account will be linked to (a member invited from the directory).</summary>
    public int? ProfessionnelId { get; set; }
    /// <summary>The structure of an establishment account (a hospital discharge team).</summary>
    public int? StructureId { get; set; }
    public string Empreinte { get; set; } = "";
    public DateTime CreeLeUtc { get; set; }
    public DateTime EnvoyeeLeUtc { get; set; }
    public DateTime ExpireLeUtc { get; set; }
    public string InvitePar { get; set; } = "";
    public DateTime? AccepteeLeUtc { get; set; }
    public string? UtilisateurId { get; set; }
    public DateTime? AnnuleeLeUtc { get; set; }

    public bool EnAttente(DateTime maintenantUtc) => AccepteeLeUtc is null && AnnuleeLeUtc is null && ExpireLeUtc > maintenantUtc;

    /// <summary>A new random secret, URL-safe.</summary>
    public static string NouveauSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string EmpreinteDe(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The page where the invited person sets a password.</summary>
    public static string Chemin(string secret) => $"/compte/invitation/{secret}";
}

public class InvitationCompteConfiguration : IEntityTypeConfiguration<InvitationCompte>
{
    public void Configure(EntityTypeBuilder<InvitationCompte> b)
    {
        b.Property(i => i.Email).HasMaxLength(200);
        b.Property(i => i.NomAffiche).HasMaxLength(200);
        b.Property(i => i.Role).HasMaxLength(50);
        b.Property(i => i.Empreinte).HasMaxLength(64);
        b.Property(i => i.InvitePar).HasMaxLength(200);
        b.HasIndex(i => i.Empreinte).IsUnique();
        b.HasIndex(i => new { i.CptsId, i.Email });
        b.HasOne<Territoire.Cpts>().WithMany().HasForeignKey(i => i.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annuaire.Professionnel>().WithMany().HasForeignKey(i => i.ProfessionnelId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Annuaire.Structure>().WithMany().HasForeignKey(i => i.StructureId).OnDelete(DeleteBehavior.SetNull);
    }
}
