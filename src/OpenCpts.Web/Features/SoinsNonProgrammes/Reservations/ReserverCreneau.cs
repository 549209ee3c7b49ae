using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

/// <summary>A booking as the desk and the API show it right after it is made.</summary>
public sealed record ReservationFaite(long Id, long CreneauId, DateTime DebutUtc, DateTime FinUtc, string Rpps, string NomProfessionnel, string Statut);

public abstract record ResultatReservation
{
    private ResultatReservation() { }

    public sealed record Reservee(ReservationFaite Reservation) : ResultatReservation;
    /// <summary>The slot is taken, past or withdrawn.</summary>
    public sealed record Indisponible : ResultatReservation;
    public sealed record Introuvable : ResultatReservation;
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatReservation;
}

public sealed record DemandeReservation(long CreneauId, SaisieIdentite Patient, string? Motif, string Origine, string? CreePar);

/// <summary>
/// Books a slot in one atomic step. The slot changes from Libre to Reserve through a conditional UPDATE,
/// so of two concurrent bookings only one affects a row; the filtered unique index on active bookings
/// is the last guard. The patient then gets a confirmation through <see cref="IEnvoiMessage"/>.
/// </summary>
public sealed class ReserverCreneau(OpenCptsDb db, ValiderIdentitePatient validation, TimeProvider horloge, IEnvoiMessage envoi, JournalAudit audit,
    Notifications.NotifierReservation notifications, Rappels.LienAnnulation lienAnnulation, ILogger<ReserverCreneau> journal)
{
    /// <summary>A booking is confirmed by SMS and located by the patient's commune.</summary>
    public const ExigencesIdentite Exigences = ExigencesIdentite.Telephone | ExigencesIdentite.CommuneInsee;

    public async Task<ResultatReservation> ExecuteAsync(DemandeReservation demande, CancellationToken ct = default)
    {
        var (patient, erreursPatient) = await validation.ExecuteAsync(demande.Patient, Exigences, ct);
        var erreurs = new ErreursValidation();
        erreurs.AjouterTout(erreursPatient, nameof(demande.Patient));
        var motif = string.IsNullOrWhiteSpace(demande.Motif) ? null : demande.Motif.Trim();
        if (motif is { Length: > 500 })
        {
            erreurs["Motif"] = ["Le motif ne doit pas dépasser 500 caractères."];
        }
        if (patient is null || erreurs.Count > 0)
        {
            return new ResultatReservation.Invalide(erreurs);
        }

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // The confirmation is written to the outbox inside the same gate: one queue for the whole booking.
        using var ecriture = await EcrituresSqlite.AcquerirAsync(db, ct);
        var resultat = await ReserverAsync(db, demande.CreneauId, maintenant, r =>
        {
            r.NomPatient = patient.Nom;
            r.PrenomPatient = patient.Prenom;
            r.DateNaissance = patient.DateNaissance;
            r.Telephone = patient.Telephone;
            r.Email = patient.Email;
            r.CodeCommune = patient.CommuneInsee;
            r.Ins = patient.Ins;
            r.Motif = motif;
            r.Origine = demande.Origine;
            r.CreePar = demande.CreePar;
        }, ct);
        if (resultat is not ResultatReservation.Reservee reservee)
        {
            return resultat;
        }
        journal.LogInformation("Slot {CreneauId} booked as {ReservationId} by {Utilisateur} ({Origine})",
            demande.CreneauId, reservee.Reservation.Id, demande.CreePar, demande.Origine);
        // Inside a caller's transaction (SAS booking) the caller audits once it has committed.
        if (db.Database.CurrentTransaction is null)
        {
            await AuditerAsync(audit, reservee.Reservation.Id, demande.Origine, ct);
        }
        await ConfirmerAsync(patient, reservee.Reservation, ct);
        await notifications.CreeeAsync(reservee.Reservation.Id, ct);
        return resultat;
    }

    /// <summary>The audit entry of a booking (no patient data in it: the booking's id and its origin).</summary>
    internal static Task AuditerAsync(JournalAudit audit, long reservationId, string? origine, CancellationToken ct) =>
        audit.EnregistrerAsync("Creation", "ReservationSnp", reservationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Réservation ({origine})", ct);

    /// <summary>
    /// The atomic step, also used by the rescheduling inside its own transaction: claims the slot, then
    /// inserts the booking. Opens a transaction unless one is already running.
    /// </summary>
    internal static async Task<ResultatReservation> ReserverAsync(OpenCptsDb db, long creneauId, DateTime maintenant, Action<ReservationSnp> remplir, CancellationToken ct)
    {
        var transactionPropre = db.Database.CurrentTransaction is null;
        await using var transaction = transactionPropre ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var pris = await db.CreneauxSnp
                .Where(c => c.Id == creneauId && c.Statut == StatutsCreneau.Libre && c.DebutUtc > maintenant)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Statut, StatutsCreneau.Reserve)
                    .SetProperty(c => c.MisAJourLeUtc, maintenant), ct);
            if (pris == 0)
            {
                var existe = await db.CreneauxSnp.AnyAsync(c => c.Id == creneauId, ct);
                return existe ? new ResultatReservation.Indisponible() : new ResultatReservation.Introuvable();
            }

            var reservation = new ReservationSnp
            {
                CreneauSnpId = creneauId,
                Statut = StatutsReservation.Confirmee,
                Active = true,
                CreeLeUtc = maintenant,
            };
            remplir(reservation);
            db.ReservationsSnp.Add(reservation);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            var faite = await db.CreneauxSnp
                .Where(c => c.Id == creneauId)
                .Join(db.Professionnels, c => c.ProfessionnelId, p => p.Id, (c, p) => new { c.DebutUtc, c.FinUtc, p.Rpps, p.CiviliteExercice, p.Prenom, p.Nom })
                .FirstAsync(ct);
            return new ResultatReservation.Reservee(new ReservationFaite(reservation.Id, creneauId, faite.DebutUtc, faite.FinUtc, faite.Rpps,
                Annuaire.Civilites.NomAffiche(faite.CiviliteExercice, faite.Prenom, faite.Nom), reservation.Statut));
        }
        catch (DbUpdateException)
        {
            // The unique index on active bookings refused a second one: someone else has the slot.
            db.ChangeTracker.Clear();
            if (transaction is not null)
            {
                await transaction.RollbackAsync(ct);
            }
            return new ResultatReservation.Indisponible();
        }
    }

    private async Task ConfirmerAsync(IdentitePatient patient, ReservationFaite r, CancellationToken ct)
    {
        var ou = await LieuAsync(db, r.CreneauId, ct);
        var reservation = await db.ReservationsSnp.Where(x => x.Id == r.Id)
            .Select(x => new { x.CptsId, Cpts = db.Cpts.Where(c => c.Id == x.CptsId).Select(c => c.Nom).FirstOrDefault() })
            .FirstAsync(ct);
        var annulation = lienAnnulation.Url(reservation.CptsId, r.Id);
        // The SMS says when, where, which CPTS and how to cancel, nothing more (TexteSms); the e-mail is addressed to the patient.
        await envoi.EnvoyerAsync(Message.Sms(patient.Telephone!,
            TexteSms.RendezVousConfirme(reservation.Cpts ?? "La CPTS", r.DebutUtc, r.NomProfessionnel, ou, annulation)), ct);
        if (patient.Email is not null)
        {
            var texte = $"Bonjour {patient.Prenom} {patient.Nom}, votre rendez-vous avec {r.NomProfessionnel} est confirmé le "
                + $"{Affichage.DateHeure(r.DebutUtc)} {ou}. En cas d'empêchement, merci de prévenir la CPTS ou d'annuler sur {annulation}";
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, patient.Email, "Confirmation de votre rendez-vous", texte), ct);
        }
    }

    /// <summary>Where the appointment takes place, as the patient's messages say it ("au cabinet, 1 rue …").</summary>
    internal static async Task<string> LieuAsync(OpenCptsDb db, long creneauId, CancellationToken ct)
    {
        var lieu = await db.CreneauxSnp.Where(c => c.Id == creneauId)
            .Select(c => new
            {
                c.TypeConsultation,
                Site = db.Activites.Where(a => a.Id == c.ActiviteId).Select(a => new { a.Voie, a.CodePostal, a.LibelleCommune }).FirstOrDefault(),
            })
            .FirstAsync(ct);
        return lieu.TypeConsultation switch
        {
            TypesConsultation.Domicile => "à votre domicile",
            TypesConsultation.Teleconsultation => "en téléconsultation",
            _ => lieu.Site is null ? "au cabinet" : $"au cabinet, {lieu.Site.Voie}, {lieu.Site.CodePostal} {lieu.Site.LibelleCommune}",
        };
    }
}
