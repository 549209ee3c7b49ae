using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

/// <summary>
/// A booking with its patient data: cancel, reschedule, mark honoured or not. Every read is audited
/// (category AuditLecture: user, booking, time).
/// </summary>
[Authorize(Policy = SoinsNonProgrammes.PolitiqueRegulation)]
public class ReservationModel(
    ConsulterReservation consulter, AnnulerReservation annuler, ReplanifierReservation replanifier, MarquerHonoree marquer,
    RechercherCreneauxProposes rechercher, TimeProvider horloge, ILoggerFactory journaux, Infrastructure.Audit.JournalAudit audit) : PageModel
{
    public FicheReservation Fiche { get; private set; } = null!;
    public IReadOnlyList<CreneauPropose> AutresCreneaux { get; private set; } = [];
    public bool Commence { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var fiche = await consulter.ExecuteAsync(id, ct);
        if (fiche is null)
        {
            return NotFound();
        }
        journaux.CreateLogger("AuditLecture").LogInformation(
            "Patient data read: booking {ReservationId} by {Utilisateur} at {InstantUtc:O}", id, User.Identity?.Name, horloge.GetUtcNow());
        await audit.LectureAsync("ReservationSnp", id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        Fiche = fiche;
        Commence = horloge.GetUtcNow().UtcDateTime >= fiche.DebutUtc;
        if (fiche.Statut == StatutsReservation.Confirmee && !Commence)
        {
            AutresCreneaux = await rechercher.ExecuteAsync(new FiltreCreneaux { CommunePatient = fiche.CodeCommune, Limite = 30 }, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAnnulerAsync(long id, CancellationToken ct)
    {
        Message = await annuler.ExecuteAsync(id, User.Identity?.Name, ct) switch
        {
            ResultatAnnulation.Annulee => "La réservation est annulée ; le créneau est de nouveau libre s'il n'a pas commencé.",
            ResultatAnnulation.Introuvable => null,
            _ => "Cette réservation ne peut plus être annulée.",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReplanifierAsync(long id, long creneauId, CancellationToken ct)
    {
        var resultat = await replanifier.ExecuteAsync(id, creneauId, User.Identity?.Name, ct);
        if (resultat is ResultatReservation.Reservee r)
        {
            Message = "Le rendez-vous est déplacé ; l'ancien créneau est libéré.";
            return RedirectToPage(new { id = r.Reservation.Id });
        }
        Message = "Ce créneau vient d'être réservé ou n'est plus disponible : le rendez-vous n'a pas été déplacé.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostHonoreeAsync(long id, CancellationToken ct) =>
        await Presence(id, await marquer.HonoreeAsync(id, ct));

    public async Task<IActionResult> OnPostNonHonoreeAsync(long id, CancellationToken ct) =>
        await Presence(id, await marquer.NonHonoreeAsync(id, ct));

    private Task<IActionResult> Presence(long id, ResultatPresence resultat)
    {
        Message = resultat switch
        {
            ResultatPresence.Marquee => "Présence enregistrée.",
            ResultatPresence.TropTot => "Le rendez-vous n'a pas encore commencé.",
            ResultatPresence.Annulee => "Cette réservation est annulée.",
            _ => null,
        };
        return Task.FromResult<IActionResult>(RedirectToPage(new { id }));
    }
}
