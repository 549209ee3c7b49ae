using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.MedecinTraitant.Medecins;

/// <summary>
/// A GP's proposed patients, to accept or refuse. Always the signed-in GP's own lines: nothing in the request chooses
/// whose, and an answer to another GP's line is not found.
/// </summary>
[Authorize(Roles = Roles.Professionnel)]
public class MesPatientsModel(MedecinConnecte medecin, ListerMesPropositions lister, RepondreAffectation repondre, JournalAudit journal) : PageModel
{
    public bool Relie { get; private set; }
    public IReadOnlyList<PatientPropose> Patients { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    public string? Erreur { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAccepterAsync(long affectationId, CancellationToken ct) =>
        await RepondreAsync(affectationId, true, null, ct);

    public async Task<IActionResult> OnPostRefuserAsync(long affectationId, string? motif, CancellationToken ct) =>
        await RepondreAsync(affectationId, false, motif, ct);

    private async Task<IActionResult> RepondreAsync(long affectationId, bool accepte, string? motif, CancellationToken ct)
    {
        if (await medecin.ProfessionnelIdAsync(User, ct) is not { } id)
        {
            return NotFound();
        }
        var resultat = await repondre.ExecuteAsync(affectationId, id, accepte, motif, User.Identity?.Name, ct);
        switch (resultat)
        {
            case ResultatReponse.Acceptee:
                Message = "Patient accepté : la CPTS le prévient et vous le recevrez pour la déclaration de médecin traitant.";
                return RedirectToPage();
            case ResultatReponse.Refusee:
                Message = "Refus enregistré : le patient retourne sur la liste d'attente avec son ancienneté.";
                return RedirectToPage();
            case ResultatReponse.MotifObligatoire:
                Erreur = "Indiquez le motif du refus.";
                await ChargerAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        if (await medecin.ProfessionnelIdAsync(User, ct) is not { } id)
        {
            return;
        }
        Relie = true;
        Patients = await lister.ExecuteAsync(id, ct);
        if (Patients.Count > 0)
        {
            // Names, ages and criteria of patients are health data: every display is traced.
            await journal.LectureAsync("AffectationMt", "professionnel:" + id.ToString(CultureInfo.InvariantCulture), ct);
        }
    }
}
