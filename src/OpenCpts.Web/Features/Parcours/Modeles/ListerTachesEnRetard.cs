using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>An open pathway task past its due date.</summary>
public sealed record TacheEnRetard(long TacheId, long PatientId, string Patient, string Modele, int Ordre, string Etape, string CodeProfession,
    DateOnly Echeance, int JoursRetard, string? Responsable);

/// <summary>The overdue tasks shown (most late first) and how many there are in all.</summary>
public sealed record TachesEnRetard(int Nombre, IReadOnlyList<TacheEnRetard> Taches);

/// <summary>
/// Open pathway tasks whose due date is before today (Paris), most late first, with the patient, the pathway, the
/// step, the profession, the days late and the responsible. For the Coordination's dashboard and follow-up page.
/// </summary>
public sealed class ListerTachesEnRetard(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    public async Task<TachesEnRetard> ExecuteAsync(int limite, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return new TachesEnRetard(0, []);
        }
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        var enRetard =
            from t in db.TachesParcours
            where t.FaiteLeUtc == null && t.Echeance < aujourdhui
            join p in db.PatientsParcours on t.PatientParcoursId equals p.Id
            where p.CptsId == cpts.Id
            select new { Tache = t, Patient = p };
        var nombre = await enRetard.CountAsync(ct);
        var lignes = await (
            from x in enRetard
            join i in db.InscriptionsParcours on x.Tache.InscriptionParcoursId equals i.Id
            join m in db.ModelesParcours on i.ModeleParcoursId equals m.Id
            join r in db.Professionnels on x.Tache.ResponsableProfessionnelId equals r.Id into responsables
            from r in responsables.DefaultIfEmpty()
            orderby x.Tache.Echeance, x.Tache.Id
            select new
            {
                x.Tache.Id,
                PatientId = x.Patient.Id,
                x.Patient.Nom,
                x.Patient.Prenom,
                Modele = m.Nom,
                x.Tache.Ordre,
                x.Tache.Libelle,
                x.Tache.CodeProfession,
                x.Tache.Echeance,
                Civilite = r == null ? null : r.CiviliteExercice,
                PrenomResponsable = r == null ? null : r.Prenom,
                NomResponsable = r == null ? null : r.Nom,
            }).Take(limite).AsNoTracking().ToListAsync(ct);
        return new TachesEnRetard(nombre, [.. lignes.Select(l => new TacheEnRetard(l.Id, l.PatientId, $"{l.Nom.ToUpperInvariant()} {l.Prenom}", l.Modele,
            l.Ordre, l.Libelle, l.CodeProfession, l.Echeance, aujourdhui.DayNumber - l.Echeance.DayNumber,
            l.NomResponsable is null ? null : Civilites.NomAffiche(l.Civilite, l.PrenomResponsable ?? "", l.NomResponsable)))]);
    }
}
