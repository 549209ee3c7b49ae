using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>An open task of a professional: his own, or one without responsible in a team he belongs to.</summary>
public sealed record MaTache(long Id, long PatientId, string Patient, string Modele, string Libelle, string CodeProfession, DateOnly Echeance, bool SansResponsable);

/// <summary>The open pathway tasks a professional can mark done, earliest due first.</summary>
public sealed class ListerMesTaches(OpenCptsDb db)
{
    public async Task<IReadOnlyList<MaTache>> ExecuteAsync(int professionnelId, CancellationToken ct = default)
    {
        var lignes = await (
            from t in db.TachesParcours
            where t.FaiteLeUtc == null
                && (t.ResponsableProfessionnelId == professionnelId
                    || (t.ResponsableProfessionnelId == null
                        && db.MembresEquipe.Any(m => m.PatientParcoursId == t.PatientParcoursId && m.ProfessionnelId == professionnelId && m.RetireLeUtc == null)))
            join p in db.PatientsParcours on t.PatientParcoursId equals p.Id
            join i in db.InscriptionsParcours on t.InscriptionParcoursId equals i.Id
            join m in db.ModelesParcours on i.ModeleParcoursId equals m.Id
            orderby t.Echeance, t.Id
            select new { t.Id, PatientId = p.Id, p.Nom, p.Prenom, Modele = m.Nom, t.Libelle, t.CodeProfession, t.Echeance, t.ResponsableProfessionnelId })
            .AsNoTracking().Take(500).ToListAsync(ct);
        return [.. lignes.Select(l => new MaTache(l.Id, l.PatientId, $"{l.Nom.ToUpperInvariant()} {l.Prenom}", l.Modele, l.Libelle, l.CodeProfession,
            l.Echeance, l.ResponsableProfessionnelId is null))];
    }
}
