using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant.Medecins;

/// <summary>
/// A patient proposed to the GP: the minimum to decide (name, age, commune, criteria); the phone only once he accepted.
/// </summary>
public sealed record PatientPropose(long AffectationId, string Reference, string Patient, int Age, string Commune, CriteresPriorite Criteres,
    string Statut, string? Telephone, string? MotifRefus, DateTime? RepondueLeUtc);

/// <summary>The lines sent to one GP: awaiting his answer first, then his answers of the last 90 days.</summary>
public sealed class ListerMesPropositions(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<IReadOnlyList<PatientPropose>> ExecuteAsync(int professionnelId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var depuis = maintenant.AddDays(-90);
        var lignes = await (from a in db.AffectationsMt.AsNoTracking()
                            join d in db.DemandesMedecinTraitant on a.DemandeMedecinTraitantId equals d.Id
                            join c in db.Communes on d.CodeCommune equals c.CodeInsee
                            where a.ProfessionnelId == professionnelId
                                && (a.Statut == StatutsAffectation.EnAttenteReponse
                                    || ((a.Statut == StatutsAffectation.Acceptee || a.Statut == StatutsAffectation.Refusee) && a.RepondueLeUtc >= depuis))
                            select new { a.Id, a.Statut, a.MotifRefus, a.RepondueLeUtc, d.Reference, d.Nom, d.Prenom, d.DateNaissance, Commune = c.Nom, d.Criteres, d.Telephone })
            .ToListAsync(ct);
        return [.. lignes
            .OrderBy(l => l.Statut == StatutsAffectation.EnAttenteReponse ? 0 : 1).ThenByDescending(l => l.RepondueLeUtc).ThenBy(l => l.Id)
            .Select(l => new PatientPropose(l.Id, l.Reference, $"{l.Nom.ToUpper(PlateformeWeb.Francais)} {l.Prenom}", ChargerDonneesAppariement.Age(l.DateNaissance, maintenant),
                l.Commune, l.Criteres, l.Statut, l.Statut == StatutsAffectation.Acceptee ? l.Telephone : null, l.MotifRefus, l.RepondueLeUtc))];
    }
}
