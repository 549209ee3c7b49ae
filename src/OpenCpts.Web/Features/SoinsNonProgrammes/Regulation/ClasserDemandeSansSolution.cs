using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>No slot fits: the open request is closed as "sans solution" (it counts in the follow-up).</summary>
public sealed class ClasserDemandeSansSolution(OpenCptsDb db)
{
    public async Task<bool> ExecuteAsync(long demandeId, CancellationToken ct = default) =>
        await db.DemandesSnp.Where(d => d.Id == demandeId && d.Statut == StatutsDemande.Ouverte)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Statut, StatutsDemande.SansSolution), ct) == 1;
}
