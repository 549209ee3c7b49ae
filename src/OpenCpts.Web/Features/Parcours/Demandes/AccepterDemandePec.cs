using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours.Demandes;

public abstract record ResultatAcceptation
{
    private ResultatAcceptation() { }

    public sealed record Acceptee(long DemandeId, long PatientId) : ResultatAcceptation;
    /// <summary>Someone accepted first (or the request was cancelled): it is no longer open.</summary>
    public sealed record DejaPrise(string Statut) : ResultatAcceptation;
    /// <summary>Unknown, or not readable by the user: the same answer.</summary>
    public sealed record Introuvable : ResultatAcceptation;
    /// <summary>The user may read the request but it was not sent to him.</summary>
    public sealed record NonAutorise(string Message) : ResultatAcceptation;
}

/// <summary>
/// A member accepts a care request. The first acceptance wins: the acceptance is one conditional UPDATE
/// (Statut = Ouverte → Acceptee), so of two members accepting at the same moment exactly one changes the row;
/// the other is told it is taken. The winner joins the patient's team and the requester is told who accepted.
/// Only recipients accept (<see cref="AccesDemandePec"/>); a member who joined the CPTS since is reached by a
/// re-broadcast (<see cref="RediffuserDemandePec"/>). Accepting is the explicit act by which he joins the team (audited).
/// </summary>
public sealed class AccepterDemandePec(OpenCptsDb db, AccesDemandePec acces, AjouterMembreEquipe equipe, IEnvoiMessage envoi, TimeProvider horloge,
    ILogger<AccepterDemandePec> journal)
{
    public async Task<ResultatAcceptation> ExecuteAsync(long demandeId, ProfilParcours profil, CancellationToken ct = default)
    {
        if (await acces.VerifierEtJournaliserAsync(demandeId, profil, "Acceptation", ct) is not var (demande, droits))
        {
            return new ResultatAcceptation.Introuvable();
        }
        if (!droits.Destinataire || profil.ProfessionnelId is not { } professionnelId)
        {
            return new ResultatAcceptation.NonAutorise("Seuls les membres à qui la demande a été envoyée peuvent l'accepter.");
        }
        var pro = await db.Professionnels.AsNoTracking()
            .Where(p => p.Id == professionnelId)
            .Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom, p.Email, p.TelephoneMobile })
            .FirstAsync(ct);
        var par = profil.Email;
        if (demande.Statut != StatutsDemandePec.Ouverte)
        {
            return new ResultatAcceptation.DejaPrise(demande.Statut);
        }

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var prise = await db.DemandesPriseEnCharge
            .Where(d => d.Id == demandeId && d.Statut == StatutsDemandePec.Ouverte)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Statut, StatutsDemandePec.Acceptee)
                .SetProperty(d => d.AccepteeParProfessionnelId, professionnelId)
                .SetProperty(d => d.AccepteeLeUtc, maintenant), ct);
        if (prise == 0)
        {
            var statut = await db.DemandesPriseEnCharge.Where(d => d.Id == demandeId).Select(d => d.Statut).FirstAsync(ct);
            return new ResultatAcceptation.DejaPrise(statut);
        }
        journal.LogInformation("Care request {DemandeId} accepted by professional {ProfessionnelId}", demandeId, professionnelId);

        var libelle = Terminologies.Instance.Professions.Libelle(demande.CodeProfession);
        await equipe.ProfessionnelAsync(demande.PatientParcoursId, professionnelId, $"{libelle} — {string.Join(", ", demande.ListeActes)} (demande n° {demandeId} acceptée)", par, ct);

        var nom = Annuaire.Civilites.NomAffiche(pro.CiviliteExercice, pro.Prenom, pro.Nom);
        if (!string.IsNullOrEmpty(demande.CreePar) && System.Net.Mail.MailAddress.TryCreate(demande.CreePar, out _))
        {
            var contact = string.Join(", ", new[] { pro.TelephoneMobile, pro.Email }.Where(x => !string.IsNullOrEmpty(x)));
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, demande.CreePar,
                $"Demande de prise en charge n° {demandeId} acceptée",
                $"Bonjour, votre demande de prise en charge n° {demandeId} ({libelle.ToLowerInvariant()}) a été acceptée par {nom}"
                + (contact.Length > 0 ? $" ({contact})" : "") + ". Il fait désormais partie de l'équipe de soins du patient sur la plateforme."), ct);
        }
        return new ResultatAcceptation.Acceptee(demandeId, demande.PatientParcoursId);
    }
}
