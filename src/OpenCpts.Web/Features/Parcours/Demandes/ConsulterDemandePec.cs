using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Demandes;

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
    bool PeutAnnuler,
    bool PeutRediffuser);

public abstract record ResultatConsultationPec
{
    private ResultatConsultationPec() { }

    public sealed record Trouvee(VueDemandePec Vue) : ResultatConsultationPec;
    /// <summary>Unknown, or not readable by the user (<see cref="AccesDemandePec"/>): the same answer.</summary>
    public sealed record Introuvable : ResultatConsultationPec;
}

/// <summary>
/// Reads a care request for a user, as <see cref="AccesDemandePec"/> allows: everything for the requester, the
/// Coordination, the Régulation, the member who accepted and the patient's team; the need without the patient's
/// identity (age, commune) for a recipient until he accepts; nothing for anyone else, who gets the answer of an
/// unknown request. Every read, and every refusal, is written to the audit log with the patient's id.
/// </summary>
public sealed class ConsulterDemandePec(OpenCptsDb db, AccesDemandePec acces, TimeProvider horloge)
{
    public const string Ressource = "DemandePriseEnCharge";

    public async Task<ResultatConsultationPec> ExecuteAsync(long id, ProfilParcours profil, CancellationToken ct = default)
    {
        if (await acces.VerifierEtJournaliserAsync(id, profil, ct: ct) is not var (d, droits))
        {
            return new ResultatConsultationPec.Introuvable();
        }
        var complet = droits.Identite;
        var destinataire = droits.Destinataire;
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
        var aujourdhui = HeureParis.Jour(maintenant);
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
            PeutAccepter: ouverte && destinataire,
            PeutAnnuler: ouverte && droits.Demandeur,
            PeutRediffuser: ouverte && droits.Demandeur);
        return new ResultatConsultationPec.Trouvee(vue);
    }
}
