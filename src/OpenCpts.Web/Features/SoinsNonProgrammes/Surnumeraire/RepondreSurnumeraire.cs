using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;

public abstract record ResultatReponseSurnumeraire
{
    private ResultatReponseSurnumeraire() { }

    public sealed record Acceptee(long ReservationId) : ResultatReponseSurnumeraire;
    public sealed record Refusee : ResultatReponseSurnumeraire;
    /// <summary>Another professional accepted first, or the request is no longer open.</summary>
    public sealed record DejaPrise : ResultatReponseSurnumeraire;
    /// <summary>This invitation was already answered.</summary>
    public sealed record DejaRepondue : ResultatReponseSurnumeraire;
    /// <summary>No such invitation for this professional (never another's).</summary>
    public sealed record Introuvable : ResultatReponseSurnumeraire;
    public sealed record Invalide(string Message) : ResultatReponseSurnumeraire;
}

/// <summary>
/// A professional answers a surnuméraire invitation. Accepting is one transaction whose first step is a
/// conditional update of the request (Ouverte → Orientee): of two concurrent acceptances only one changes
/// the row, the other finds the request taken and its invitation is closed. The winner's appointment is a
/// <see cref="CreneauSnp"/> flagged <see cref="CreneauSnp.Surnumeraire"/>, created booked, with the request's
/// booking; the others' invitations become Close; then the patient gets the confirmation.
/// </summary>
public sealed class RepondreSurnumeraire(OpenCptsDb db, TimeProvider horloge, IEnvoiMessage envoi, JournalAudit audit, ILogger<RepondreSurnumeraire> journal)
{
    /// <summary>Length of a surnuméraire appointment.</summary>
    public static readonly TimeSpan Duree = TimeSpan.FromMinutes(20);

    public async Task<ResultatReponseSurnumeraire> AccepterAsync(long invitationId, int professionnelId, DateTime rendezVousUtc, int? activiteId, CancellationToken ct = default)
    {
        var invitation = await db.InvitationsSurnumeraire.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId && i.ProfessionnelId == professionnelId, ct);
        if (invitation is null)
        {
            return new ResultatReponseSurnumeraire.Introuvable();
        }
        if (invitation.Statut == StatutsInvitation.Close)
        {
            return new ResultatReponseSurnumeraire.DejaPrise();
        }
        if (invitation.Statut != StatutsInvitation.EnAttente)
        {
            return new ResultatReponseSurnumeraire.DejaRepondue();
        }
        var demande = await db.DemandesSnp.AsNoTracking().FirstAsync(d => d.Id == invitation.DemandeSnpId, ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var fin = FenetreUrgence.Fin(demande);
        if (rendezVousUtc <= maintenant || rendezVousUtc > fin)
        {
            return new ResultatReponseSurnumeraire.Invalide($"Choisissez une heure à venir, au plus tard le {Affichage.DateHeure(fin)} (urgence : {UrgencesDemande.Libelle(demande.Urgence).ToLowerInvariant()}).");
        }
        if (activiteId is null || !await db.Activites.AnyAsync(a => a.Id == activiteId && a.ProfessionnelId == professionnelId, ct))
        {
            return new ResultatReponseSurnumeraire.Invalide("Choisissez un de vos lieux d'exercice.");
        }
        if (await db.CreneauxSnp.AnyAsync(c => c.ProfessionnelId == professionnelId && c.DebutUtc == rendezVousUtc, ct))
        {
            return new ResultatReponseSurnumeraire.Invalide("Vous avez déjà un créneau qui commence à cette heure : choisissez-en une autre.");
        }

        long reservationId;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                var prise = await db.DemandesSnp
                    .Where(d => d.Id == demande.Id && d.Statut == StatutsDemande.Ouverte)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Statut, StatutsDemande.Orientee), ct);
                if (prise == 0)
                {
                    await transaction.RollbackAsync(ct);
                    await FermerAsync(invitationId, maintenant, ct);
                    return new ResultatReponseSurnumeraire.DejaPrise();
                }
                var acceptee = await db.InvitationsSurnumeraire
                    .Where(i => i.Id == invitationId && i.Statut == StatutsInvitation.EnAttente)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(i => i.Statut, StatutsInvitation.Acceptee)
                        .SetProperty(i => i.ReponduLeUtc, maintenant)
                        .SetProperty(i => i.RendezVousUtc, rendezVousUtc)
                        .SetProperty(i => i.ActiviteId, activiteId), ct);
                if (acceptee == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return new ResultatReponseSurnumeraire.DejaRepondue();
                }
                var creneau = new CreneauSnp
                {
                    ProfessionnelId = professionnelId,
                    ActiviteId = activiteId,
                    DebutUtc = rendezVousUtc,
                    FinUtc = rendezVousUtc + Duree,
                    TypeConsultation = TypesConsultation.Cabinet,
                    Visibilite = Visibilites.Cpts,
                    Statut = StatutsCreneau.Reserve,
                    Surnumeraire = true,
                    CreeLeUtc = maintenant,
                    MisAJourLeUtc = maintenant,
                };
                db.CreneauxSnp.Add(creneau);
                await db.SaveChangesAsync(ct);
                var reservation = new ReservationSnp
                {
                    CreneauSnpId = creneau.Id,
                    NomPatient = demande.NomPatient,
                    PrenomPatient = demande.PrenomPatient,
                    DateNaissance = demande.DateNaissance,
                    Telephone = demande.Telephone,
                    Email = demande.Email,
                    CodeCommune = demande.CodeCommune,
                    Ins = demande.Ins,
                    Motif = demande.Motif,
                    Statut = StatutsReservation.Confirmee,
                    Active = true,
                    Origine = OriginesReservation.Surnumeraire,
                    CreePar = invitation.EnvoyeePar,
                    CreeLeUtc = maintenant,
                };
                db.ReservationsSnp.Add(reservation);
                await db.SaveChangesAsync(ct);
                reservationId = reservation.Id;
                await db.DemandesSnp.Where(d => d.Id == demande.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReservationSnpId, reservationId), ct);
                await db.InvitationsSurnumeraire
                    .Where(i => i.DemandeSnpId == demande.Id && i.Id != invitationId && i.Statut == StatutsInvitation.EnAttente)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Statut, StatutsInvitation.Close), ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A unique index refused the write (a second accepted invitation, or a slot at the same start).
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(ct);
                return new ResultatReponseSurnumeraire.DejaPrise();
            }
        }
        db.ChangeTracker.Clear();
        journal.LogInformation("Surnuméraire invitation {InvitationId} accepted: booking {ReservationId}", invitationId, reservationId);
        await ReserverCreneau.AuditerAsync(audit, reservationId, OriginesReservation.Surnumeraire, ct);
        await ConfirmerAsync(demande, professionnelId, rendezVousUtc, activiteId.Value, ct);
        return new ResultatReponseSurnumeraire.Acceptee(reservationId);
    }

    public async Task<ResultatReponseSurnumeraire> RefuserAsync(long invitationId, int professionnelId, string? motif, CancellationToken ct = default)
    {
        motif = string.IsNullOrWhiteSpace(motif) ? null : motif.Trim();
        if (motif is { Length: > 300 })
        {
            return new ResultatReponseSurnumeraire.Invalide("La raison du refus ne doit pas dépasser 300 caractères.");
        }
        var statut = await db.InvitationsSurnumeraire.Where(i => i.Id == invitationId && i.ProfessionnelId == professionnelId)
            .Select(i => i.Statut).FirstOrDefaultAsync(ct);
        if (statut is null)
        {
            return new ResultatReponseSurnumeraire.Introuvable();
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var refusee = await db.InvitationsSurnumeraire
            .Where(i => i.Id == invitationId && i.Statut == StatutsInvitation.EnAttente)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Statut, StatutsInvitation.Refusee)
                .SetProperty(i => i.ReponduLeUtc, maintenant)
                .SetProperty(i => i.MotifRefus, motif), ct);
        return refusee == 1 ? new ResultatReponseSurnumeraire.Refusee()
            : statut == StatutsInvitation.Close ? new ResultatReponseSurnumeraire.DejaPrise()
            : new ResultatReponseSurnumeraire.DejaRepondue();
    }

    private Task<int> FermerAsync(long invitationId, DateTime maintenant, CancellationToken ct) =>
        db.InvitationsSurnumeraire.Where(i => i.Id == invitationId && i.Statut == StatutsInvitation.EnAttente)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Statut, StatutsInvitation.Close), ct);

    private async Task ConfirmerAsync(DemandeSnp demande, int professionnelId, DateTime debutUtc, int activiteId, CancellationToken ct)
    {
        var pro = await db.Professionnels.Where(p => p.Id == professionnelId).Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom }).FirstAsync(ct);
        var site = await db.Activites.Where(a => a.Id == activiteId).Select(a => new { a.Voie, a.CodePostal, a.LibelleCommune }).FirstAsync(ct);
        var cpts = await db.Cpts.Where(c => c.Id == demande.CptsId).Select(c => c.Nom).FirstOrDefaultAsync(ct);
        var nomPro = Annuaire.Civilites.NomAffiche(pro.CiviliteExercice, pro.Prenom, pro.Nom);
        var lieu = $"au cabinet, {site.Voie}, {site.CodePostal} {site.LibelleCommune}";
        if (demande.Telephone is not null)
        {
            // The SMS says when, where and which CPTS, nothing more (TexteSms); the e-mail is addressed to the patient.
            await envoi.EnvoyerAsync(Message.Sms(demande.Telephone, TexteSms.RendezVousConfirme(cpts ?? "La CPTS", debutUtc, nomPro, lieu)), ct);
        }
        if (demande.Email is not null)
        {
            var texte = $"Bonjour {demande.PrenomPatient} {demande.NomPatient}, votre rendez-vous avec {nomPro} "
                + $"est confirmé le {Affichage.DateHeure(debutUtc)} {lieu}. "
                + "En cas d'empêchement, merci de prévenir la CPTS.";
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, demande.Email, "Confirmation de votre rendez-vous", texte), ct);
        }
    }
}
