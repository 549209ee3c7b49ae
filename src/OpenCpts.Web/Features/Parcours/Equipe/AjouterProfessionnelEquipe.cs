using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>
/// Adds a professional of the directory to a patient's care team from a page (the Coordination or a member of the
/// team: the caller checks access); the join is audited by <see cref="AjouterMembreEquipe"/>. False when he is not in the directory.
/// </summary>
public sealed class AjouterProfessionnelEquipe(OpenCptsDb db, AjouterMembreEquipe ajouter)
{
    public async Task<bool> ExecuteAsync(long patientId, int professionnelId, string? role, string? par, CancellationToken ct = default)
    {
        if (!await db.Professionnels.AnyAsync(p => p.Id == professionnelId, ct))
        {
            return false;
        }
        role = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        await ajouter.ProfessionnelAsync(patientId, professionnelId, role, par, ct);
        return true;
    }
}
