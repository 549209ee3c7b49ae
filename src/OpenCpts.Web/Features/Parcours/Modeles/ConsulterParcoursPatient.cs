using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>A member of the care team as shown: name, TRE_G15 profession (professionals only), role.</summary>
public sealed record MembreEquipeVue(int? ProfessionnelId, string Nom, string? CodeProfession, string? Role);

/// <summary>A pathway task as shown on the patient's pathways.</summary>
public sealed record TacheVue(long Id, int Ordre, string Libelle, string CodeProfession, DateOnly Echeance, string? Responsable,
    DateTime? FaiteLeUtc, string? FaitePar);

/// <summary>One enrolment of the patient with its tasks in step order.</summary>
public sealed record InscriptionVue(long Id, string Modele, DateOnly DebutLe, DateTime InscritLeUtc, string? InscritPar, IReadOnlyList<TacheVue> Taches);

/// <summary>A pathway patient's identity, care team and enrolments (newest first).</summary>
public sealed record ParcoursPatient(long PatientId, string NomComplet, DateOnly DateNaissance, IReadOnlyList<MembreEquipeVue> Equipe,
    IReadOnlyList<InscriptionVue> Inscriptions);

/// <summary>Reads what the enrolment page shows about a patient; null when he is not a patient of the CPTS.</summary>
public sealed class ConsulterParcoursPatient(OpenCptsDb db, CptsCourante cptsCourante)
{
    public async Task<ParcoursPatient?> ExecuteAsync(long patientId, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return null;
        }
        var patient = await db.PatientsParcours.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId && p.CptsId == cpts.Id, ct);
        if (patient is null)
        {
            return null;
        }
        var professionnels = await (
            from m in db.MembresEquipe
            where m.PatientParcoursId == patientId && m.RetireLeUtc == null
            join p in db.Professionnels on m.ProfessionnelId equals p.Id
            orderby m.AjouteLeUtc, m.Id
            select new { p.Id, p.CiviliteExercice, p.Prenom, p.Nom, p.CodeProfession, m.Role }).AsNoTracking().ToListAsync(ct);
        var structures = await (
            from m in db.MembresEquipe
            where m.PatientParcoursId == patientId && m.RetireLeUtc == null
            join s in db.Structures on m.StructureId equals s.Id
            orderby m.AjouteLeUtc, m.Id
            select new { s.Nom, m.Role }).AsNoTracking().ToListAsync(ct);
        var equipe = professionnels.Select(p => new MembreEquipeVue(p.Id, Civilites.NomAffiche(p.CiviliteExercice, p.Prenom, p.Nom), p.CodeProfession, p.Role))
            .Concat(structures.Select(s => new MembreEquipeVue(null, s.Nom, null, s.Role)))
            .ToList();

        var inscriptions = await (
            from i in db.InscriptionsParcours
            where i.PatientParcoursId == patientId
            join m in db.ModelesParcours on i.ModeleParcoursId equals m.Id
            orderby i.InscritLeUtc descending, i.Id descending
            select new { i.Id, m.Nom, i.DebutLe, i.InscritLeUtc, i.InscritPar }).AsNoTracking().ToListAsync(ct);
        var taches = await (
            from t in db.TachesParcours
            where t.PatientParcoursId == patientId
            join r in db.Professionnels on t.ResponsableProfessionnelId equals r.Id into responsables
            from r in responsables.DefaultIfEmpty()
            select new
            {
                Tache = t,
                Civilite = r == null ? null : r.CiviliteExercice,
                Prenom = r == null ? null : r.Prenom,
                Nom = r == null ? null : r.Nom,
            }).AsNoTracking().ToListAsync(ct);
        var parInscription = taches.ToLookup(t => t.Tache.InscriptionParcoursId);
        return new ParcoursPatient(patient.Id, patient.NomComplet, patient.DateNaissance, equipe,
            [.. inscriptions.Select(i => new InscriptionVue(i.Id, i.Nom, i.DebutLe, i.InscritLeUtc, i.InscritPar,
                [.. parInscription[i.Id].OrderBy(t => t.Tache.Ordre).ThenBy(t => t.Tache.Id)
                    .Select(t => new TacheVue(t.Tache.Id, t.Tache.Ordre, t.Tache.Libelle, t.Tache.CodeProfession, t.Tache.Echeance,
                        t.Nom is null ? null : Civilites.NomAffiche(t.Civilite, t.Prenom ?? "", t.Nom), t.Tache.FaiteLeUtc, t.Tache.FaitePar))]))]);
    }
}
