using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>An open request that may be the same patient.</summary>
public sealed record DoublonPossible(long Id, string Reference, string Nom, string Prenom, DateOnly DateNaissance, string Statut, DateTime InscritLeUtc, bool MemeIns);

/// <summary>
/// Possible duplicates of a patient among the open requests (waiting, proposed, accepted): same name and first
/// name whatever the case and accents, with the same birth date; or the same INS. Shown to a person, who decides.
/// </summary>
public sealed class DetecterDoublons(OpenCptsDb db)
{
    public static readonly IReadOnlyList<string> StatutsOuverts = [StatutsDemandeMt.EnAttente, StatutsDemandeMt.Proposee, StatutsDemandeMt.Acceptee];

    public async Task<IReadOnlyList<DoublonPossible>> ExecuteAsync(int cptsId, string nomNormalise, DateOnly dateNaissance, string? ins, long? saufId = null, CancellationToken ct = default)
    {
        var candidats = db.DemandesMedecinTraitant.AsNoTracking()
            .Where(d => d.CptsId == cptsId && StatutsOuverts.Contains(d.Statut))
            .Where(d => (d.NomNormalise == nomNormalise && d.DateNaissance == dateNaissance) || (ins != null && d.Ins == ins));
        if (saufId is { } id)
        {
            candidats = candidats.Where(d => d.Id != id);
        }
        return await candidats.OrderBy(d => d.InscritLeUtc)
            .Select(d => new DoublonPossible(d.Id, d.Reference, d.Nom, d.Prenom, d.DateNaissance, d.Statut, d.InscritLeUtc, ins != null && d.Ins == ins))
            .Take(20)
            .ToListAsync(ct);
    }
}
