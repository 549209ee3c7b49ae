using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Rattachement;

/// <summary>
/// An account may act in a CPTS (a nurse member of two CPTS has two). Created only by an explicit, audited act
/// (<see cref="RattacherCompte"/>): never as a side effect of another action. The account's roles are its own and
/// the same in each of its CPTS.
/// </summary>
public class RattachementCpts
{
    public string UtilisateurId { get; set; } = "";
    public int CptsId { get; set; }
    public DateTime RattacheLeUtc { get; set; }
    /// <summary>Who attached the account (e-mail of the Coordination member, or "(système)").</summary>
    public string? RattachePar { get; set; }
}

public class RattachementCptsConfiguration : IEntityTypeConfiguration<RattachementCpts>
{
    public void Configure(EntityTypeBuilder<RattachementCpts> b)
    {
        b.ToTable("RattachementsCpts");
        b.HasKey(r => new { r.UtilisateurId, r.CptsId });
        b.Property(r => r.RattachePar).HasMaxLength(256);
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(r => r.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cpts>().WithMany().HasForeignKey(r => r.CptsId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.CptsId);
    }
}

public static class RattachementsDuCompte
{
    /// <summary>The CPTS an account may act in, in order.</summary>
    public static Task<List<int>> CptsDuCompteAsync(this OpenCptsDb db, string utilisateurId, CancellationToken ct = default) =>
        db.Set<RattachementCpts>().Where(r => r.UtilisateurId == utilisateurId).OrderBy(r => r.CptsId).Select(r => r.CptsId).ToListAsync(ct);
}
