using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>What the Coordination's account acts share: the account must be attached to the current CPTS (else: not
/// found, as for an unknown id), and a CPTS never loses its last active coordinator.</summary>
internal static class CompteDeLaCpts
{
    /// <param name="acte">What was attempted, for the refusal logged when the account is not the CPTS's.</param>
    public static async Task<Utilisateur?> TrouverAsync(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, JournalAudit audit, string utilisateurId,
        string acte, CancellationToken ct)
    {
        var cptsId = db.Perimetre.CptsId;
        var utilisateur = cptsId is not null && await db.Set<RattachementCpts>().AnyAsync(r => r.UtilisateurId == utilisateurId && r.CptsId == cptsId, ct)
            ? await utilisateurs.FindByIdAsync(utilisateurId)
            : null;
        if (utilisateur is null)
        {
            await audit.EnregistrerAsync("Refus", "Compte", utilisateurId.Length <= 100 ? utilisateurId : utilisateurId[..100],
                acte + " : compte inconnu ou d'une autre CPTS", ct);
        }
        return utilisateur;
    }

    /// <summary>True when <paramref name="utilisateurId"/> is the only active Coordination account of the current CPTS.</summary>
    public static async Task<bool> DernierCoordinateurAsync(OpenCptsDb db, string utilisateurId, CancellationToken ct)
    {
        var cptsId = db.Perimetre.CptsId;
        var coordinateurs = await (from r in db.Set<RattachementCpts>()
                                   where r.CptsId == cptsId
                                   join u in db.Users on r.UtilisateurId equals u.Id
                                   where u.DesactiveLeUtc == null
                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                   join role in db.Roles on ur.RoleId equals role.Id
                                   where role.Name == Roles.Coordination
                                   select u.Id).Distinct().ToListAsync(ct);
        return coordinateurs.Count == 1 && coordinateurs[0] == utilisateurId;
    }
}
