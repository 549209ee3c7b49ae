using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>A discharge plan of the patient, as listed on his file.</summary>
public sealed record PlanDuPatient(long Id, DateOnly DateSortiePrevue, string? Structure, string? Service, string Statut);

/// <summary>The patient's file: identity, consent, care team (and its past members), discharge plans.</summary>
public sealed record DossierPatient(
    long Id,
    string Nom,
    string Prenom,
    DateOnly DateNaissance,
    string? CodeCommune,
    string? Commune,
    DateTime? ConsentementLeUtc,
    string? ConsentementRecueilliPar,
    IReadOnlyList<MembreAffiche> Equipe,
    IReadOnlyList<PlanDuPatient> Plans,
    IReadOnlyList<MembreAffiche> AnciensMembres)
{
    public string NomComplet => $"{Nom.ToUpperInvariant()} {Prenom}";
}

/// <summary>Loads a patient's file. The caller has checked access (<see cref="AccesPatient"/>).</summary>
public sealed class ConsulterDossierPatient(OpenCptsDb db, ConsulterEquipe equipe)
{
    public async Task<DossierPatient?> ExecuteAsync(long patientId, CancellationToken ct = default)
    {
        var p = await db.PatientsParcours.AsNoTracking().FirstOrDefaultAsync(x => x.Id == patientId, ct);
        if (p is null)
        {
            return null;
        }
        var commune = p.CodeCommune is null ? null : await db.Communes.AsNoTracking().Where(c => c.CodeInsee == p.CodeCommune).Select(c => c.Nom).FirstOrDefaultAsync(ct);
        var plans = await db.PlansSortie.AsNoTracking()
            .Where(s => s.PatientParcoursId == patientId)
            .OrderByDescending(s => s.DateSortiePrevue).ThenByDescending(s => s.Id)
            .Select(s => new PlanDuPatient(s.Id, s.DateSortiePrevue, db.Structures.Where(x => x.Id == s.StructureId).Select(x => x.Nom).FirstOrDefault(), s.Service, s.Statut))
            .ToListAsync(ct);
        return new DossierPatient(p.Id, p.Nom, p.Prenom, p.DateNaissance, p.CodeCommune, commune, p.ConsentementLeUtc, p.ConsentementRecueilliPar,
            await equipe.ExecuteAsync(patientId, ct), plans, await equipe.AnciensAsync(patientId, ct));
    }
}
