using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>Removes a declared skill. Scoped by professional so that nobody removes another's skill by id.</summary>
public sealed class RetirerCompetence(OpenCptsDb db)
{
    /// <returns>False when the skill does not exist or belongs to someone else.</returns>
    public async Task<bool> ExecuteAsync(int professionnelId, int competenceId, CancellationToken ct = default) =>
        await db.Competences.Where(c => c.Id == competenceId && c.ProfessionnelId == professionnelId).ExecuteDeleteAsync(ct) > 0;
}
