using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <param name="Entree">The linked directory entry ("NOM Prénom") or structure name.</param>
/// <param name="DerniereConnexionUtc">From the audit journal of the current CPTS.</param>
/// <param name="AdhesionTerminee">A Professionnel account whose directory entry is no longer a member of the CPTS: offered for deactivation.</param>
public sealed record CompteResume(
    string Id, string Email, string NomAffiche, IReadOnlyList<string> Roles, string? Rpps,
    bool DeuxFacteurs, int EchecsConnexion, DateTime? VerrouilleJusquauUtc,
    string? Entree = null, DateTime? DerniereConnexionUtc = null, DateTime? DesactiveLeUtc = null, bool AdhesionTerminee = false);

/// <summary>The accounts attached to the current CPTS, as its Coordination sees them on the security page.</summary>
public sealed class ListerComptes(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<IReadOnlyList<CompteResume>> ExecuteAsync(CancellationToken ct = default)
    {
        var cptsId = db.Perimetre.CptsId;
        var lignes = await db.Users
            .Where(u => db.Set<RattachementCpts>().Any(r => r.UtilisateurId == u.Id && r.CptsId == cptsId))
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.NomAffiche,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Rpps = db.Professionnels.Where(p => p.Id == u.ProfessionnelId).Select(p => p.Rpps).FirstOrDefault(),
                Professionnel = db.Professionnels.Where(p => p.Id == u.ProfessionnelId).Select(p => p.Nom + " " + p.Prenom).FirstOrDefault(),
                Structure = db.Structures.Where(st => st.Id == u.StructureId).Select(st => st.Nom).FirstOrDefault(),
                Membre = db.Set<Annuaire.Adhesion>().Any(a => a.ProfessionnelId == u.ProfessionnelId && a.CptsId == cptsId),
                DerniereConnexion = db.EntreesAudit.Where(e => e.Ressource == "Connexion" && e.Action == "Connexion" && e.RessourceId == u.Id)
                    .Max(e => (DateTime?)e.HorodatageUtc),
                u.DesactiveLeUtc,
                u.TwoFactorEnabled,
                u.AccessFailedCount,
                u.LockoutEnd,
            })
            .ToListAsync(ct);
        var maintenant = horloge.GetUtcNow();
        return [.. lignes.Select(l => new CompteResume(
            l.Id, l.Email ?? "", l.NomAffiche, [.. l.Roles.Order(StringComparer.Ordinal)], l.Rpps, l.TwoFactorEnabled, l.AccessFailedCount,
            l.LockoutEnd is { } fin && fin > maintenant && l.DesactiveLeUtc is null ? fin.UtcDateTime : null,
            l.Professionnel ?? l.Structure, l.DerniereConnexion, l.DesactiveLeUtc,
            AdhesionTerminee: l.Rpps is not null && !l.Membre && l.DesactiveLeUtc is null))];
    }
}
