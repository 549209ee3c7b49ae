using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Medecins;

/// <summary>The directory record linked to the signed-in account, if any (a Professionnel's own GP identity).</summary>
public sealed class MedecinConnecte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs)
{
    public async Task<int?> ProfessionnelIdAsync(ClaimsPrincipal utilisateur, CancellationToken ct = default)
    {
        var id = utilisateurs.GetUserId(utilisateur);
        return id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.ProfessionnelId).FirstOrDefaultAsync(ct);
    }
}
