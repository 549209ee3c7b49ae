using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Priorite;

/// <summary>The weights of a CPTS, or the documented defaults (<see cref="PonderationPriorite"/>) when it has none yet.</summary>
public sealed class ChargerPonderation(OpenCptsDb db)
{
    public async Task<PonderationPriorite> ExecuteAsync(int cptsId, CancellationToken ct = default) =>
        await db.PonderationsPriorite.AsNoTracking().FirstOrDefaultAsync(p => p.CptsId == cptsId, ct)
        ?? new PonderationPriorite { CptsId = cptsId };
}
