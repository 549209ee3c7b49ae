using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Parcours.Modeles;

public abstract record ResultatInscriptionParcours
{
    /// <param name="SansResponsable">Tasks for which no member of the team has the step's profession.</param>
    public sealed record Ok(long InscriptionId, int Taches, int SansResponsable) : ResultatInscriptionParcours;

    public sealed record PatientIntrouvable : ResultatInscriptionParcours;

    /// <summary>Unknown or archived template.</summary>
    public sealed record ModeleIntrouvable : ResultatInscriptionParcours;

    /// <summary>The patient already follows this pathway (an enrolment with open tasks).</summary>
    public sealed record DejaInscrit(DateOnly DebutLe) : ResultatInscriptionParcours;

    /// <summary>The start date is more than a year away from today.</summary>
    public sealed record DateInvalide(string Message) : ResultatInscriptionParcours;
}

/// <summary>
/// Enrols a pathway patient in a template from a start date: one <see cref="InscriptionParcours"/> and one
/// <see cref="TacheParcours"/> per step, due on start + delay. Each task goes to the member of the patient's care
/// team who has the step's profession (the earliest added when several do); without one, the task has no
/// responsible and the Coordination assigns it through the team. Enrolling twice in the same pathway while tasks are
/// open is refused.
/// </summary>
public sealed class InscrireAuParcours(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    public async Task<ResultatInscriptionParcours> ExecuteAsync(long patientId, int modeleId, DateOnly debut, string? par, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        if (!await db.PatientsParcours.AnyAsync(p => p.Id == patientId && p.CptsId == cpts.Id, ct))
        {
            return new ResultatInscriptionParcours.PatientIntrouvable();
        }
        var modele = await db.ModelesParcours.AsNoTracking().Include(m => m.Etapes)
            .SingleOrDefaultAsync(m => m.Id == modeleId && m.CptsId == cpts.Id && !m.Archive, ct);
        if (modele is null)
        {
            return new ResultatInscriptionParcours.ModeleIntrouvable();
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        if (debut < aujourdhui.AddYears(-1) || debut > aujourdhui.AddYears(1))
        {
            return new ResultatInscriptionParcours.DateInvalide("La date de début doit être à moins d'un an d'aujourd'hui.");
        }
        var enCours = await db.InscriptionsParcours
            .Where(i => i.PatientParcoursId == patientId && i.ModeleParcoursId == modeleId
                && db.TachesParcours.Any(t => t.InscriptionParcoursId == i.Id && t.FaiteLeUtc == null))
            .Select(i => (DateOnly?)i.DebutLe)
            .FirstOrDefaultAsync(ct);
        if (enCours is { } debutEnCours)
        {
            return new ResultatInscriptionParcours.DejaInscrit(debutEnCours);
        }

        // The professionals of the team and their professions, earliest added first.
        var equipe = await db.MembresEquipe.AsNoTracking()
            .Where(m => m.PatientParcoursId == patientId && m.ProfessionnelId != null && m.RetireLeUtc == null)
            .OrderBy(m => m.AjouteLeUtc).ThenBy(m => m.Id)
            .Join(db.Professionnels, m => m.ProfessionnelId, p => p.Id, (m, p) => new { p.Id, p.CodeProfession })
            .ToListAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inscription = new InscriptionParcours
        {
            PatientParcoursId = patientId,
            ModeleParcoursId = modeleId,
            DebutLe = debut,
            InscritLeUtc = maintenant,
            InscritPar = par,
        };
        db.InscriptionsParcours.Add(inscription);
        await db.SaveChangesAsync(ct);
        var taches = modele.Etapes.OrderBy(e => e.Ordre).Select(e => new TacheParcours
        {
            InscriptionParcoursId = inscription.Id,
            PatientParcoursId = patientId,
            Ordre = e.Ordre,
            Libelle = e.Libelle,
            CodeProfession = e.CodeProfession,
            Echeance = debut.AddDays(e.DelaiJours),
            ResponsableProfessionnelId = equipe.FirstOrDefault(p => p.CodeProfession == e.CodeProfession)?.Id,
        }).ToList();
        db.TachesParcours.AddRange(taches);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ResultatInscriptionParcours.Ok(inscription.Id, taches.Count, taches.Count(t => t.ResponsableProfessionnelId is null));
    }
}
