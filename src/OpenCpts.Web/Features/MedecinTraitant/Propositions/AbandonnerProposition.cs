using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>Discards a draft: nothing was sent, the requests never left the waiting list. False when not a draft.</summary>
public sealed class AbandonnerProposition(OpenCptsDb db)
{
    public async Task<bool> ExecuteAsync(long propositionId, CancellationToken ct = default) =>
        await db.PropositionsAppariement
            .Where(p => p.Id == propositionId && p.Statut == StatutsProposition.Brouillon)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Statut, StatutsProposition.Abandonnee), ct) == 1;
}
