using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>A care request as one user may see it. <see cref="Patient"/> is null when he may not see the identity yet.</summary>
public sealed record VueDemandePec(
    DemandePriseEnCharge Demande,
    string? Patient,
    DateOnly? DateNaissance,
    int AgePatient,
    string Commune,
    string? Demandeur,
    string? StructureDemandeuse,
    string? AccepteePar,
    string? ContactAccepteur,
    (int Id, string Titre)? Protocole,
    int Destinataires,
    bool PeutAccepter,
    bool PeutAnnuler);

public abstract record ResultatConsultationPec
{
    private ResultatConsultationPec() { }

    public sealed record Trouvee(VueDemandePec Vue) : ResultatConsultationPec;
    public sealed record Introuvable : ResultatConsultationPec;
    public sealed record Interdite : ResultatConsultationPec;
}

/// <summary>
/// Reads a care request for a user. The Coordination and the Régulation, the requester (or his structure) and the
/// member who accepted see everything; the members it can go to see the need without the patient's identity
/// (initial, age, commune) until one of them accepts; anyone else is refused. Every read, and every refusal, is
/// written to the audit log with the patient's id.
/// </summary>
public sealed class ConsulterDemandePec(OpenCptsDb db, JournalAudit audit, TimeProvider horloge)
{
    public async Task<ResultatConsultationPec> ExecuteAsync(long id, ProfilParcours profil, CancellationToken ct = default)
    {
        var d = await db.DemandesPriseEnCharge.AsNoTracking().Include(x => x.Patient).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new ResultatConsultationPec.Introuvable();
        }
        var complet = profil.Coordination || profil.Regulation
            || (profil.UtilisateurId is not null && d.CreeParUtilisateurId == profil.UtilisateurId)
            || (profil.Etablissement && profil.StructureId is not null && d.StructureDemandeuseId == profil.StructureId)
            || (profil.ProfessionnelId is not null && d.AccepteeParProfessionnelId == profil.ProfessionnelId);
        var destinataire = false;
        var eligible = false;
        if (!complet && profil.ProfessionnelId is { } proId)
        {
            destinataire = await db.DestinatairesDemande.AnyAsync(x => x.DemandePriseEnChargeId == id && x.ProfessionnelId == proId, ct);
            eligible = destinataire || await db.Professionnels.AnyAsync(p => p.Id == proId && p.CodeProfession == d.CodeProfession
                && p.Adhesions.Any(a => a.CptsId == d.CptsId), ct);
        }
        if (!complet && !eligible)
        {
            await audit.EnregistrerAsync("Refus", "DemandePriseEnCharge", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, d.PatientParcoursId, ct);
            return new ResultatConsultationPec.Interdite();
        }
        await audit.EnregistrerAsync("Lecture", "DemandePriseEnCharge", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, d.PatientParcoursId, ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (destinataire)
        {
            await db.DestinatairesDemande
                .Where(x => x.DemandePriseEnChargeId == id && x.ProfessionnelId == profil.ProfessionnelId && x.VueLeUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.VueLeUtc, maintenant), ct);
        }

        var commune = await db.Communes.Where(c => c.CodeInsee == d.CodeCommune).Select(c => c.Nom).FirstOrDefaultAsync(ct) ?? d.CodeCommune;
        var structure = d.StructureDemandeuseId is { } sid ? await db.Structures.Where(s => s.Id == sid).Select(s => s.Nom).FirstOrDefaultAsync(ct) : null;
        string? accepteePar = null;
        string? contact = null;
        if (d.AccepteeParProfessionnelId is { } aid)
        {
            var a = await db.Professionnels.AsNoTracking().Where(p => p.Id == aid)
                .Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom, p.Email, p.TelephoneMobile, Tel = p.Activites.Select(x => x.Telephone).FirstOrDefault(t => t != null) })
                .FirstAsync(ct);
            accepteePar = Annuaire.Civilites.NomAffiche(a.CiviliteExercice, a.Prenom, a.Nom);
            if (complet)
            {
                contact = string.Join(" · ", new[] { Affichage.Telephone(a.TelephoneMobile ?? a.Tel), a.Email }.Where(x => !string.IsNullOrEmpty(x)));
            }
        }
        var protocole = d.ProtocoleId is { } pid
            ? await db.Protocoles.Where(p => p.Id == pid).Select(p => new { p.Id, p.Titre }).FirstOrDefaultAsync(ct)
            : null;
        var aujourdhui = DateOnly.FromDateTime(Affichage.EnHeureDeParis(maintenant));
        var p = d.Patient!;
        var age = aujourdhui.Year - p.DateNaissance.Year - (aujourdhui < p.DateNaissance.AddYears(aujourdhui.Year - p.DateNaissance.Year) ? 1 : 0);
        var ouverte = d.Statut == StatutsDemandePec.Ouverte;
        var vue = new VueDemandePec(
            d,
            complet ? p.NomComplet : null,
            complet ? p.DateNaissance : null,
            age,
            commune,
            complet ? d.CreePar : null,
            structure,
            accepteePar,
            contact,
            protocole is null ? null : (protocole.Id, protocole.Titre),
            await db.DestinatairesDemande.CountAsync(x => x.DemandePriseEnChargeId == id, ct),
            PeutAccepter: ouverte && eligible,
            PeutAnnuler: ouverte && (profil.Coordination || (profil.UtilisateurId is not null && d.CreeParUtilisateurId == profil.UtilisateurId)
                || (profil.Etablissement && d.StructureDemandeuseId == profil.StructureId)));
        return new ResultatConsultationPec.Trouvee(vue);
    }
}
