using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>A member of a care team as shown: the professional's name and profession, or the structure's name.</summary>
public sealed record MembreAffiche(long Id, int? ProfessionnelId, int? StructureId, string Nom, string Qualite, string? Role, DateTime AjouteLeUtc);

/// <summary>The members of a patient's care team, professionals first then structures, by name.</summary>
public sealed class ConsulterEquipe(OpenCptsDb db)
{
    public async Task<IReadOnlyList<MembreAffiche>> ExecuteAsync(long patientId, CancellationToken ct = default)
    {
        var professionnels = await db.MembresEquipe.AsNoTracking()
            .Where(m => m.PatientParcoursId == patientId && m.ProfessionnelId != null)
            .Join(db.Professionnels, m => m.ProfessionnelId, p => p.Id, (m, p) => new
            {
                m.Id,
                m.ProfessionnelId,
                m.Role,
                m.AjouteLeUtc,
                p.CiviliteExercice,
                p.Prenom,
                p.Nom,
                p.NomRecherche,
                p.CodeProfession,
                p.CodeSpecialite,
            })
            .OrderBy(x => x.NomRecherche)
            .ToListAsync(ct);
        var structures = await db.MembresEquipe.AsNoTracking()
            .Where(m => m.PatientParcoursId == patientId && m.StructureId != null)
            .Join(db.Structures, m => m.StructureId, s => s.Id, (m, s) => new { m.Id, m.StructureId, m.Role, m.AjouteLeUtc, s.Nom, s.NomRecherche })
            .OrderBy(x => x.NomRecherche)
            .ToListAsync(ct);
        return
        [
            .. professionnels.Select(p => new MembreAffiche(p.Id, p.ProfessionnelId, null, Civilites.NomAffiche(p.CiviliteExercice, p.Prenom, p.Nom),
                Qualite(p.CodeProfession, p.CodeSpecialite), p.Role, p.AjouteLeUtc)),
            .. structures.Select(s => new MembreAffiche(s.Id, null, s.StructureId, s.Nom, "Structure", s.Role, s.AjouteLeUtc)),
        ];
    }

    /// <summary>"Médecin — Médecine générale", "Infirmier".</summary>
    public static string Qualite(string codeProfession, string? codeSpecialite)
    {
        var profession = Terminologies.Instance.Professions.Libelle(codeProfession);
        return codeSpecialite is null ? profession : profession + " — " + Terminologies.Instance.Specialites.Libelle(codeSpecialite);
    }
}
