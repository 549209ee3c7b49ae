using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>
/// Tells the professional whose slot it is that a booking was made, cancelled or moved (both professionals when a
/// move changes professional). The title gives the time and the patient's initials only; the link opens "Mes
/// rendez-vous", where the professional sees his appointments.
/// </summary>
public sealed class NotifierReservation(OpenCptsDb db, Notifier notifier, DestinatairesNotification destinataires)
{
    private const string Lien = "/snp/mes-rendez-vous";

    public async Task CreeeAsync(long reservationId, CancellationToken ct = default)
    {
        if (await ChargerAsync(reservationId, ct) is not { } r)
        {
            return;
        }
        await EnvoyerAsync(r.CptsId, TypesNotification.ReservationCreee, [r.ProfessionnelId],
            $"Rendez-vous pris le {Affichage.DateHeure(r.DebutUtc)} sur votre créneau (patient {r.Initiales})", ct);
    }

    public async Task AnnuleeAsync(long reservationId, CancellationToken ct = default)
    {
        if (await ChargerAsync(reservationId, ct) is not { } r)
        {
            return;
        }
        await EnvoyerAsync(r.CptsId, TypesNotification.ReservationAnnulee, [r.ProfessionnelId],
            $"Rendez-vous du {Affichage.DateHeure(r.DebutUtc)} annulé (patient {r.Initiales}) : le créneau est libéré", ct);
    }

    public async Task DeplaceeAsync(long ancienneId, long nouvelleId, CancellationToken ct = default)
    {
        if (await ChargerAsync(ancienneId, ct) is not { } avant || await ChargerAsync(nouvelleId, ct) is not { } apres)
        {
            return;
        }
        await EnvoyerAsync(apres.CptsId, TypesNotification.ReservationDeplacee, [avant.ProfessionnelId, apres.ProfessionnelId],
            $"Rendez-vous déplacé du {Affichage.DateHeure(avant.DebutUtc)} au {Affichage.DateHeure(apres.DebutUtc)} (patient {apres.Initiales})", ct);
    }

    private async Task EnvoyerAsync(int cptsId, string type, int[] professionnels, string titre, CancellationToken ct)
    {
        var comptes = await destinataires.DesProfessionnelsAsync(cptsId, professionnels.Distinct().ToList(), ct);
        await notifier.ExecuteAsync(cptsId, type, comptes, titre, Lien, ct);
    }

    private sealed record Rdv(int CptsId, int ProfessionnelId, DateTime DebutUtc, string Initiales);

    private async Task<Rdv?> ChargerAsync(long reservationId, CancellationToken ct)
    {
        var r = await db.ReservationsSnp.AsNoTracking().Where(r => r.Id == reservationId)
            .Join(db.CreneauxSnp, r => r.CreneauSnpId, c => c.Id, (r, c) => new { r.CptsId, c.ProfessionnelId, c.DebutUtc, r.PrenomPatient, r.NomPatient })
            .FirstOrDefaultAsync(ct);
        return r is null ? null : new Rdv(r.CptsId, r.ProfessionnelId, r.DebutUtc, Notifier.Initiales(r.PrenomPatient, r.NomPatient));
    }
}
