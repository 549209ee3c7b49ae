using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>A member of a care team as shown: the professional's name and profession, or the structure's name; for a past member, when and why he left.</summary>
public sealed record MembreAffiche(long Id, int? ProfessionnelId, int? StructureId, string Nom, string Qualite, string? Role, DateTime AjouteLeUtc,
    DateTime? RetireLeUtc = null, string? RetirePar = null, string? MotifRetrait = null);

/// <summary>The members of a patient's care team, professionals first then structures, by name: the active ones, or the past ones.</summary>
public sealed class ConsulterEquipe(OpenCptsDb db)
{
    public Task<IReadOnlyList<MembreAffiche>> ExecuteAsync(long patientId, CancellationToken ct = default) => ListerAsync(patientId, anciens: false, ct);

    /// <summary>The memberships that ended, most recent end first.</summary>
    public async Task<IReadOnlyList<MembreAffiche>> AnciensAsync(long patientId, CancellationToken ct = default) =>
        [.. (await ListerAsync(patientId, anciens: true, ct)).OrderByDescending(m => m.RetireLeUtc)];

    private async Task<IReadOnlyList<MembreAffiche>> ListerAsync(long patientId, bool anciens, CancellationToken ct)
    {
        var membres = db.MembresEquipe.AsNoTracking().Where(m => m.PatientParcoursId == patientId && (m.RetireLeUtc != null) == anciens);
        var professionnels = await membres
            .Where(m => m.ProfessionnelId != null)
            .Join(db.Professionnels, m => m.ProfessionnelId, p => p.Id, (m, p) => new
            {
                m.Id,
                m.ProfessionnelId,
                m.Role,
                m.AjouteLeUtc,
                m.RetireLeUtc,
                m.RetirePar,
                m.MotifRetrait,
                p.CiviliteExercice,
                p.Prenom,
                p.Nom,
                p.NomRecherche,
                p.CodeProfession,
                p.CodeSpecialite,
            })
            .OrderBy(x => x.NomRecherche)
            .ToListAsync(ct);
        var structures = await membres
            .Where(m => m.StructureId != null)
            .Join(db.Structures, m => m.StructureId, s => s.Id, (m, s) => new { m.Id, m.StructureId, m.Role, m.AjouteLeUtc, m.RetireLeUtc, m.RetirePar, m.MotifRetrait, s.Nom, s.NomRecherche })
            .OrderBy(x => x.NomRecherche)
            .ToListAsync(ct);
        return
        [
            .. professionnels.Select(p => new MembreAffiche(p.Id, p.ProfessionnelId, null, Civilites.NomAffiche(p.CiviliteExercice, p.Prenom, p.Nom),
                Qualite(p.CodeProfession, p.CodeSpecialite), p.Role, p.AjouteLeUtc, p.RetireLeUtc, p.RetirePar, p.MotifRetrait)),
            .. structures.Select(s => new MembreAffiche(s.Id, null, s.StructureId, s.Nom, "Structure", s.Role, s.AjouteLeUtc, s.RetireLeUtc, s.RetirePar, s.MotifRetrait)),
        ];
    }

    /// <summary>"Médecin — Médecine générale", "Infirmier".</summary>
    public static string Qualite(string codeProfession, string? codeSpecialite)
    {
        var profession = Terminologies.Instance.Professions.Libelle(codeProfession);
        return codeSpecialite is null ? profession : profession + " — " + Terminologies.Instance.Specialites.Libelle(codeSpecialite);
    }
}
