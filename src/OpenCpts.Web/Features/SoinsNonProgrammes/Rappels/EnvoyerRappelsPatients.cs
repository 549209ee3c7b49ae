using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;
using OpenCpts.Web.Infrastructure.Taches;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Rappels;

/// <summary>
/// The patient's reminder, <c>OpenCpts:Snp:RappelAvant</c> (24 h by default) before a confirmed appointment: an SMS,
/// and an e-mail when the patient gave one, with the time, the place and the cancellation link. Sent once: the
/// booking is claimed by a conditional update of <see cref="ReservationSnp.RappelEnvoyeLeUtc"/> before anything is
/// sent. A booking made within that delay gets none (its confirmation has just told the same), nor does a cancelled
/// one.
/// </summary>
public sealed class EnvoyerRappelsPatients(OpenCptsDb db, IEnvoiMessage envoi, LienAnnulation lien, IOptions<OptionsSnp> options, TimeProvider horloge,
    ILogger<EnvoyerRappelsPatients> journal)
{
    /// <summary>Returns the number of bookings reminded.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var delai = options.Value.RappelAvant;
        var limite = maintenant + delai;
        var candidates = await (
            from r in db.ReservationsSnp
            where r.Statut == StatutsReservation.Confirmee && r.RappelEnvoyeLeUtc == null
            join c in db.CreneauxSnp on r.CreneauSnpId equals c.Id
            where c.DebutUtc > maintenant && c.DebutUtc <= limite
            join p in db.Professionnels on c.ProfessionnelId equals p.Id
            orderby c.DebutUtc, r.Id
            select new { r.Id, r.CptsId, r.CreeLeUtc, r.Telephone, r.Email, c.DebutUtc, CreneauId = c.Id, p.CiviliteExercice, p.Prenom, p.Nom })
            .AsNoTracking().ToListAsync(ct);
        var envoyes = 0;
        foreach (var r in candidates.Where(r => r.CreeLeUtc < r.DebutUtc - delai))
        {
            var reclamee = await db.ReservationsSnp
                .Where(x => x.Id == r.Id && x.RappelEnvoyeLeUtc == null && x.Statut == StatutsReservation.Confirmee)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RappelEnvoyeLeUtc, maintenant), ct);
            if (reclamee == 0)
            {
                continue;
            }
            var ou = await ReserverCreneau.LieuAsync(db, r.CreneauId, ct);
            var professionnel = Annuaire.Civilites.NomAffiche(r.CiviliteExercice, r.Prenom, r.Nom);
            var annulation = lien.Url(r.CptsId, r.Id);
            var texte = $"Rappel : votre rendez-vous avec {professionnel} a lieu le "
                + $"{Affichage.DateHeure(r.DebutUtc)} {ou}. Si vous ne pouvez pas venir, annulez-le pour libérer la place : {annulation}";
            const string sujet = "Rappel de votre rendez-vous";
            if (!string.IsNullOrWhiteSpace(r.Telephone))
            {
                var cpts = await db.Cpts.Where(c => c.Id == r.CptsId).Select(c => c.Nom).FirstOrDefaultAsync(ct) ?? "La CPTS";
                await envoi.EnvoyerAsync(Message.Sms(r.Telephone, TexteSms.RappelRendezVous(cpts, r.DebutUtc, professionnel, ou, annulation)), ct);
            }
            if (!string.IsNullOrWhiteSpace(r.Email))
            {
                await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, r.Email, sujet, texte), ct);
            }
            envoyes++;
        }
        if (envoyes > 0)
        {
            journal.LogInformation("{Nombre} appointment reminder(s) sent", envoyes);
        }
        return envoyes;
    }
}

/// <summary>Runs <see cref="EnvoyerRappelsPatients"/> every 5 minutes (<c>OpenCpts:Taches:RappelsPatients</c>).</summary>
public sealed class RappelsPatientsPeriodique(DependancesTache dependances) : TachePeriodique("RappelsPatients", TimeSpan.FromMinutes(5), dependances)
{
    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnvoyerRappelsPatients>().ExecuteAsync(ct);
}
