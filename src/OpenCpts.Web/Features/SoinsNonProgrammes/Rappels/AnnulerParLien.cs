using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Rappels;

/// <summary>What the cancellation page shows: the time and the place, nothing about the patient.</summary>
public sealed record RendezVousAAnnuler(long ReservationId, DateTime DebutUtc, string Lieu, string Professionnel);

/// <summary>
/// The patient's cancellation through the link of his confirmation or reminder (<see cref="LienAnnulation"/>): the link
/// is read, the work bound to the booking's CPTS, and the booking must still be confirmed and not started. Confirming
/// cancels it like the regulation would (<see cref="AnnulerReservation"/>: the slot is freed, the professional told);
/// a forged, altered or used link is refused, and each refusal and cancellation is audited.
/// </summary>
public sealed class AnnulerParLien(OpenCptsDb db, PerimetreCpts perimetre, LienAnnulation lien, AnnulerReservation annuler, JournalAudit audit,
    TimeProvider horloge)
{
    public async Task<RendezVousAAnnuler?> ConsulterAsync(string? jeton, CancellationToken ct = default)
    {
        var rdv = await TrouverAsync(jeton, ct);
        if (rdv is null)
        {
            await audit.EnregistrerAsync("Refus", "ReservationSnp", "lien d'annulation", "Lien d'annulation invalide ou plus valable", ct);
        }
        return rdv;
    }

    /// <summary>True when the booking is now cancelled by this request.</summary>
    public async Task<bool> AnnulerAsync(string? jeton, CancellationToken ct = default)
    {
        var rdv = await TrouverAsync(jeton, ct);
        if (rdv is null || await annuler.ExecuteAsync(rdv.ReservationId, "patient (lien d'annulation)", ct) != ResultatAnnulation.Annulee)
        {
            await audit.EnregistrerAsync("Refus", "ReservationSnp", rdv?.ReservationId.ToString(CultureInfo.InvariantCulture) ?? "lien d'annulation",
                "Annulation par lien refusée (lien invalide ou plus valable)", ct);
            return false;
        }
        await audit.EnregistrerAsync("Modification", "ReservationSnp", rdv.ReservationId.ToString(CultureInfo.InvariantCulture),
            "Annulée par le patient (lien d'annulation)", ct);
        return true;
    }

    private async Task<RendezVousAAnnuler?> TrouverAsync(string? jeton, CancellationToken ct)
    {
        if (lien.Lire(jeton) is not { } cible)
        {
            return null;
        }
        // The signed link names its CPTS: the page may be reached through another CPTS's address.
        perimetre.Fixer(cible.CptsId);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var r = await db.ReservationsSnp.AsNoTracking()
            .Where(r => r.Id == cible.ReservationId && r.Statut == StatutsReservation.Confirmee)
            .Join(db.CreneauxSnp, r => r.CreneauSnpId, c => c.Id, (r, c) => new { ReservationId = r.Id, CreneauId = c.Id, c.DebutUtc, c.ProfessionnelId })
            .FirstOrDefaultAsync(ct);
        if (r is null || r.DebutUtc <= maintenant)
        {
            return null;
        }
        var pro = await db.Professionnels.AsNoTracking().Where(p => p.Id == r.ProfessionnelId)
            .Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom }).FirstAsync(ct);
        return new RendezVousAAnnuler(r.ReservationId, r.DebutUtc, await ReserverCreneau.LieuAsync(db, r.CreneauId, ct),
            Annuaire.Civilites.NomAffiche(pro.CiviliteExercice, pro.Prenom, pro.Nom));
    }
}
