using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary>A professional's upcoming unscheduled appointments and his calendar subscription.
/// Always the signed-in professional's own: nothing in the request chooses whose.</summary>
[Authorize(Roles = Roles.Professionnel)]
public class MesRendezVousModel(
    OpenCptsDb db,
    UserManager<Utilisateur> utilisateurs,
    ConsulterMesRendezVous consulter,
    GererFluxCalendrier flux,
    JournalAudit journal) : PageModel
{
    public MesRendezVous? Donnees { get; private set; }
    public DateTime? FluxActifDepuis { get; private set; }
    /// <summary>The feed URL, only in the response that created it.</summary>
    public string? NouvelleAdresse { get; private set; }
    public string? Message { get; private set; }

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

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        if (await ProfessionnelIdAsync(ct) is not { } id)
        {
            return false;
        }
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
