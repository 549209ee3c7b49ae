using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Web.Features.MedecinTraitant.Medecins;

public enum ResultatReponse
{
    Acceptee,
    Refusee,
    /// <summary>Unknown, not his, or already answered.</summary>
    Introuvable,
    MotifObligatoire,
}

/// <summary>
/// A GP's answer to one proposed patient. Accepting moves the request to <see cref="StatutsDemandeMt.Acceptee"/> and
/// sends the patient (if he agreed to be contacted) a message naming the GP and how to declare him; refusing (with a
/// reason) puts the request back on the waiting list with its original registration date, so it keeps its seniority.
/// Only the GP the line was sent to can answer it, once (conditional update).
/// </summary>
public sealed class RepondreAffectation(OpenCptsDb db, IEnvoiMessage envoi, TimeProvider horloge)
{
    public async Task<ResultatReponse> ExecuteAsync(long affectationId, int professionnelId, bool accepte, string? motif, string? par, CancellationToken ct = default)
    {
        motif = string.IsNullOrWhiteSpace(motif) ? null : motif.Trim();
        if (!accepte && motif is null)
        {
            return ResultatReponse.MotifObligatoire;
        }
        if (motif is { Length: > 500 })
        {
            motif = motif[..500];
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var repondue = await db.AffectationsMt
            .Where(a => a.Id == affectationId && a.ProfessionnelId == professionnelId && a.Statut == StatutsAffectation.EnAttenteReponse)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Statut, accepte ? StatutsAffectation.Acceptee : StatutsAffectation.Refusee)
                .SetProperty(a => a.MotifRefus, accepte ? null : motif)
                .SetProperty(a => a.RepondueLeUtc, maintenant), ct);
        if (repondue == 0)
        {
            return ResultatReponse.Introuvable;
        }
        var demandeId = await db.AffectationsMt.Where(a => a.Id == affectationId).Select(a => a.DemandeMedecinTraitantId).SingleAsync(ct);
        var nouveau = accepte ? StatutsDemandeMt.Acceptee : StatutsDemandeMt.EnAttente;
        // InscritLeUtc is left untouched: a refused patient keeps his place in the queue.
        await db.DemandesMedecinTraitant.Where(d => d.Id == demandeId && d.Statut == StatutsDemandeMt.Proposee)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Statut, nouveau), ct);
        var medecin = await db.Professionnels.AsNoTracking().Where(p => p.Id == professionnelId)
            .Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom }).SingleAsync(ct);
        var nom = Annuaire.Civilites.NomAffiche(medecin.CiviliteExercice, medecin.Prenom, medecin.Nom);
        db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
        {
            DemandeMedecinTraitantId = demandeId,
            AncienStatut = StatutsDemandeMt.Proposee,
            NouveauStatut = nouveau,
            Commentaire = accepte ? $"Acceptée par {nom}" : $"Refusée par {nom} : {motif}",
            Par = par,
            LeUtc = maintenant,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        if (accepte)
        {
            await PrevenirPatientAsync(demandeId, professionnelId, nom, ct);
        }
        return accepte ? ResultatReponse.Acceptee : ResultatReponse.Refusee;
    }

    private async Task PrevenirPatientAsync(long demandeId, int professionnelId, string nomMedecin, CancellationToken ct)
    {
        var patient = await db.DemandesMedecinTraitant.AsNoTracking().Where(d => d.Id == demandeId)
            .Select(d => new { d.Prenom, d.Nom, d.Telephone, d.Email, d.ConsentementContact, d.Reference, Cpts = db.Cpts.Where(c => c.Id == d.CptsId).Select(c => c.Nom).FirstOrDefault() })
            .SingleAsync(ct);
        if (!patient.ConsentementContact)
        {
            return;
        }
        var cabinet = await db.Activites.AsNoTracking().Where(a => a.ProfessionnelId == professionnelId).OrderBy(a => a.Id)
            .Select(a => new { a.Voie, a.CodePostal, a.LibelleCommune, a.Telephone }).FirstOrDefaultAsync(ct);
        var adresseCabinet = cabinet is null ? null : string.Join(" ", new[] { cabinet.Voie, cabinet.CodePostal, cabinet.LibelleCommune }.Where(x => !string.IsNullOrWhiteSpace(x)));
        if (!string.IsNullOrWhiteSpace(patient.Telephone))
        {
            // The SMS names the GP, his practice and the CPTS, nothing more (TexteSms); the e-mail tells the whole procedure.
            await envoi.EnvoyerAsync(Message.Sms(patient.Telephone,
                TexteSms.MedecinTraitantAccepte(patient.Cpts ?? "La CPTS", nomMedecin, adresseCabinet, cabinet?.Telephone)), ct);
        }
        if (!string.IsNullOrWhiteSpace(patient.Email))
        {
            var adresse = cabinet is null ? "" : $" Cabinet : {adresseCabinet}" + (cabinet.Telephone is { } tel ? $", tél. {tel}." : ".");
            var texte = $"Bonjour {patient.Prenom} {patient.Nom}, {nomMedecin} accepte de devenir votre médecin traitant (demande {patient.Reference}).{adresse} " +
                "Prenez rendez-vous avec lui : lors de la consultation, il fera la déclaration de choix du médecin traitant en ligne (ou remplissez ensemble le formulaire S3704 à envoyer à votre caisse). " +
                "La CPTS";
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, patient.Email, "Un médecin traitant accepte de vous suivre", texte), ct);
        }
    }
}
