using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>What a user may do with a care request he may read.</summary>
/// <param name="Identite">He sees the patient's identity (everyone but a recipient who has not accepted).</param>
/// <param name="Destinataire">The request was sent to him: he may accept it while it is open.</param>
/// <param name="Demandeur">He (or his structure) posted it, or he is the Coordination: he may cancel or re-broadcast it.</param>
public sealed record DroitsDemande(bool Identite, bool Destinataire, bool Demandeur);

/// <summary>
/// Who may read a care request: its requester (the account, or the accounts of the requesting structure), its
/// recipients (the members it was sent to, without the patient's identity until one accepts), the member who
/// accepted it, the active members of the patient's care team, the Coordination and the Régulation. Acceptance only
/// by its recipients; cancelling and re-broadcasting by the requester and the Coordination. Anyone else gets the
/// answer of an unknown request, and the refusal is written to the audit log.
/// </summary>
public sealed class AccesDemandePec(OpenCptsDb db, AccesPatient accesPatient, JournalAudit journal)
{
    /// <summary>The rights of the user on the request, or null when he may not read it.</summary>
    public async Task<DroitsDemande?> DroitsAsync(DemandePriseEnCharge d, ProfilParcours profil, CancellationToken ct = default)
    {
        var demandeur = profil.Coordination
            || (profil.UtilisateurId is not null && d.CreeParUtilisateurId == profil.UtilisateurId)
            || (profil.Etablissement && profil.StructureId is not null && d.StructureDemandeuseId == profil.StructureId);
        var destinataire = profil.ProfessionnelId is { } pro
            && await db.DestinatairesDemande.AnyAsync(x => x.DemandePriseEnChargeId == d.Id && x.ProfessionnelId == pro, ct);
        var identite = demandeur || profil.Regulation
            || (profil.ProfessionnelId is not null && d.AccepteeParProfessionnelId == profil.ProfessionnelId)
            || await accesPatient.PeutVoirAsync(profil, d.PatientParcoursId, ct);
        return identite || destinataire ? new DroitsDemande(identite, destinataire, demandeur) : null;
    }

    /// <summary>
    /// Loads the request and checks the user may read it; logs the access as <paramref name="action"/>, or a refusal
    /// ("Refus", with the patient's id when the request exists). Null for an unknown or forbidden request alike.
    /// </summary>
    public async Task<(DemandePriseEnCharge Demande, DroitsDemande Droits)?> VerifierEtJournaliserAsync(long id, ProfilParcours profil,
        string action = "Lecture", CancellationToken ct = default)
    {
        var d = await db.DemandesPriseEnCharge.AsNoTracking().Include(x => x.Patient).FirstOrDefaultAsync(x => x.Id == id, ct);
        var droits = d is null ? null : await DroitsAsync(d, profil, ct);
        await journal.EnregistrerAsync(droits is null ? "Refus" : action, ConsulterDemandePec.Ressource, id.ToString(CultureInfo.InvariantCulture),
            d is null ? "Demande inconnue" : null, d?.PatientParcoursId, ct);
        return droits is null ? null : (d!, droits);
    }
}
