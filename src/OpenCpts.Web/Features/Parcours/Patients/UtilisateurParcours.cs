using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Patients;

/// <summary>Who the signed-in account is for pathways: its id, e-mail, roles, directory professional and structure.</summary>
public sealed record ProfilParcours(string? UtilisateurId, string Email, string NomAffiche, int? ProfessionnelId, int? StructureId,
    bool Coordination, bool Regulation, bool Etablissement, bool Professionnel);

/// <summary>Reads the <see cref="ProfilParcours"/> of the current user once per request.</summary>
public sealed class UtilisateurParcours(OpenCptsDb db)
{
    private ProfilParcours? _profil;

    public async Task<ProfilParcours> ProfilAsync(ClaimsPrincipal utilisateur, CancellationToken ct = default)
    {
        if (_profil is not null)
        {
            return _profil;
        }
        var id = utilisateur.FindFirstValue(ClaimTypes.NameIdentifier);
        var compte = id is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.NomAffiche, u.ProfessionnelId, u.StructureId })
            .FirstOrDefaultAsync(ct);
        var email = utilisateur.Identity?.Name ?? "(inconnu)";
        _profil = new ProfilParcours(id, email, string.IsNullOrWhiteSpace(compte?.NomAffiche) ? email : compte.NomAffiche,
            compte?.ProfessionnelId, compte?.StructureId,
            utilisateur.IsInRole(Roles.Coordination), utilisateur.IsInRole(Roles.Regulation),
            utilisateur.IsInRole(Roles.Etablissement), utilisateur.IsInRole(Roles.Professionnel));
        return _profil;
    }
}
