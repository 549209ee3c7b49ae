using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Patients;

/// <summary>A possible duplicate and the existing patient it may be.</summary>
public sealed record DoublonPatient(
    long Id, string Nom, DateOnly DateNaissance, DateTime CreeLeUtc, string? CreePar, int Demandes, int Plans,
    long ExistantId, string NomExistant, int EquipeExistant);

/// <summary>The possible duplicates the Coordination still has to settle, oldest first.</summary>
public sealed class ListerDoublonsPatients(OpenCptsDb db)
{
    public async Task<IReadOnlyList<DoublonPatient>> ExecuteAsync(int cptsId, CancellationToken ct = default)
    {
        var lignes = await db.PatientsParcours.AsNoTracking()
            .Where(p => p.CptsId == cptsId && p.DoublonPossibleDeId != null && p.DoublonTraiteLeUtc == null)
            .Join(db.PatientsParcours, p => p.DoublonPossibleDeId, e => e.Id, (p, e) => new
            {
                p.Id,
                p.Nom,
                p.Prenom,
                p.DateNaissance,
                p.CreeLeUtc,
                p.CreePar,
                Demandes = db.DemandesPriseEnCharge.Count(d => d.PatientParcoursId == p.Id),
                Plans = db.PlansSortie.Count(s => s.PatientParcoursId == p.Id),
                ExistantId = e.Id,
                NomExistant = e.Nom,
                PrenomExistant = e.Prenom,
                Equipe = db.MembresEquipe.Count(m => m.PatientParcoursId == e.Id && m.RetireLeUtc == null),
            })
            .OrderBy(x => x.Id)
            .Take(200)
            .ToListAsync(ct);
        return [.. lignes.Select(l => new DoublonPatient(l.Id, $"{l.Nom.ToUpperInvariant()} {l.Prenom}", l.DateNaissance, l.CreeLeUtc, l.CreePar,
            l.Demandes, l.Plans, l.ExistantId, $"{l.NomExistant.ToUpperInvariant()} {l.PrenomExistant}", l.Equipe))];
    }
}
