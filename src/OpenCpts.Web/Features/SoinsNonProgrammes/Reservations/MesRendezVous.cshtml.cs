using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

/// <summary>A professional's upcoming unscheduled appointments and his calendar subscription.
/// Always the signed-in professional's own: nothing in the request chooses whose.</summary>
[Authorize(Roles = Roles.Professionnel)]
public class MesRendezVousModel(
    OpenCptsDb db,
    UserManager<Utilisateur> utilisateurs,
    ConsulterMesRendezVous consulter,
    GererFluxCalendrier flux,
    JournalAudit journal,
    ConsulterInvitationsSurnumeraire invitations,
    RepondreSurnumeraire repondre) : PageModel
{
    public MesRendezVous? Donnees { get; private set; }
    public DateTime? FluxActifDepuis { get; private set; }
    /// <summary>The feed URL, only in the response that created it.</summary>
    public string? NouvelleAdresse { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<InvitationRecue> Invitations { get; private set; } = [];
    /// <summary>The professional's practice sites, to choose where a surnuméraire appointment takes place.</summary>
    public IReadOnlyList<(int Id, string Libelle)> Lieux { get; private set; } = [];
    public string? MessageInvitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        return await ChargerAsync(ct) ? Page() : NonRelie();
    }

    public async Task<IActionResult> OnPostCreerFluxAsync(CancellationToken ct)
    {
        if (await ProfessionnelIdAsync(ct) is not { } id)
        {
            return NonRelie();
        }
        var secret = await flux.CreerAsync(id, ct);
        NouvelleAdresse = $"{Request.Scheme}://{Request.Host}{GererFluxCalendrier.Adresse(secret)}";
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevoquerFluxAsync(CancellationToken ct)
    {
        if (await ProfessionnelIdAsync(ct) is not { } id)
        {
            return NonRelie();
        }
        Message = await flux.RevoquerAsync(id, ct) ? "L'abonnement est révoqué : l'ancienne adresse ne fonctionne plus." : "Aucun abonnement actif.";
        await ChargerAsync(ct);
        return Page();
    }

    /// <summary>Accepts a surnuméraire invitation at a local (Europe/Paris) time, "yyyy-MM-ddTHH:mm", on one of his sites.</summary>
    public async Task<IActionResult> OnPostAccepterAsync(long invitationId, string? heure, int? activiteId, CancellationToken ct)
    {
        if (await ProfessionnelIdAsync(ct) is not { } id)
        {
            return NonRelie();
        }
        ResultatReponseSurnumeraire resultat;
        if (!DateTime.TryParseExact(heure, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            || HeureParis.VersUtc(local) is not { } utc)
        {
            resultat = new ResultatReponseSurnumeraire.Invalide("Indiquez la date et l'heure du rendez-vous.");
        }
        else
        {
            resultat = await repondre.AccepterAsync(invitationId, id, utc, activiteId, ct);
        }
        return await ApresReponseAsync(resultat, ct);
    }

    public async Task<IActionResult> OnPostRefuserAsync(long invitationId, string? motif, CancellationToken ct)
    {
        if (await ProfessionnelIdAsync(ct) is not { } id)
        {
            return NonRelie();
        }
        return await ApresReponseAsync(await repondre.RefuserAsync(invitationId, id, motif, ct), ct);
    }

    private async Task<IActionResult> ApresReponseAsync(ResultatReponseSurnumeraire resultat, CancellationToken ct)
    {
        if (resultat is ResultatReponseSurnumeraire.Introuvable)
        {
            return NotFound();
        }
        MessageInvitation = resultat switch
        {
            ResultatReponseSurnumeraire.Acceptee => "Merci : le rendez-vous est pris et le patient a reçu la confirmation.",
            ResultatReponseSurnumeraire.Refusee => "Votre refus est enregistré.",
            ResultatReponseSurnumeraire.DejaPrise => "Demande déjà prise par un autre professionnel : merci de votre disponibilité.",
            ResultatReponseSurnumeraire.DejaRepondue => "Vous avez déjà répondu à cette demande.",
            ResultatReponseSurnumeraire.Invalide i => i.Message,
            _ => null,
        };
        if (resultat is not (ResultatReponseSurnumeraire.Acceptee or ResultatReponseSurnumeraire.Refusee))
        {
            Response.StatusCode = resultat is ResultatReponseSurnumeraire.Invalide ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        }
        await ChargerAsync(ct);
        return Page();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        if (await ProfessionnelIdAsync(ct) is not { } id)
        {
            return false;
        }
        Invitations = await invitations.RecuesAsync(id, ct);
        if (Invitations.Count > 0)
        {
            await journal.LectureAsync("InvitationSurnumeraire", "professionnel:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        Lieux = [.. (await db.Activites.Where(a => a.ProfessionnelId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Enseigne, a.RaisonSociale, a.Voie, a.LibelleCommune }).ToListAsync(ct))
            .Select(a => (a.Id, string.Join(", ", new[] { a.Enseigne ?? a.RaisonSociale, a.Voie, a.LibelleCommune }.Where(x => !string.IsNullOrWhiteSpace(x)))))];
        Donnees = await consulter.ExecuteAsync(id, ct);
        if (Donnees.RendezVous.Count > 0)
        {
            // Patients' names and reasons are health data: every display is traced.
            await journal.LectureAsync("ReservationSnp", "professionnel:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        FluxActifDepuis = await flux.ActifDepuisAsync(id, ct);
        return true;
    }

    private async Task<int?> ProfessionnelIdAsync(CancellationToken ct)
    {
        var userId = utilisateurs.GetUserId(User);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.ProfessionnelId).FirstOrDefaultAsync(ct);
    }

    private PageResult NonRelie()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
