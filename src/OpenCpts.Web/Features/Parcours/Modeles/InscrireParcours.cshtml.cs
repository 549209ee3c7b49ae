using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>
/// The Coordination enrols a pathway patient in a template from a start date, and follows his pathways: tasks,
/// due dates, responsible, done or late. Every display of the patient is written to the audit log with his id.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class InscrireParcoursModel(ConsulterParcoursPatient consulter, ListerModelesParcours modeles, InscrireAuParcours inscrire,
    MarquerTacheFaite marquer, JournalAudit journal, TimeProvider horloge) : PageModel
{
    [BindProperty] public int? ModeleId { get; set; }
    [BindProperty] public string? DebutLe { get; set; }

    public ParcoursPatient Patient { get; private set; } = null!;
    public IReadOnlyList<LigneModeleParcours> Modeles { get; private set; } = [];
    public DateOnly Aujourdhui { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long patientId, CancellationToken ct)
    {
        if (!await ChargerAsync(patientId, ct))
        {
            return NotFound();
        }
        DebutLe ??= Aujourdhui.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long patientId, CancellationToken ct)
    {
        Aujourdhui = HeureParis.Aujourdhui(horloge);
        if (ModeleId is null)
        {
            ModelState.AddModelError(nameof(ModeleId), "Choisissez le parcours.");
        }
        if (!DateOnly.TryParseExact(DebutLe?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var debut))
        {
            ModelState.AddModelError(nameof(DebutLe), "La date de début est obligatoire (JJ/MM/AAAA).");
        }
        if (ModelState.ErrorCount == 0)
        {
            switch (await inscrire.ExecuteAsync(patientId, ModeleId!.Value, debut, User.Identity?.Name, ct))
            {
                case ResultatInscriptionParcours.Ok ok:
                    Message = $"Patient inscrit : {ok.Taches} tâche{(ok.Taches > 1 ? "s" : "")} créée{(ok.Taches > 1 ? "s" : "")} pour son équipe." +
                        (ok.SansResponsable == 0 ? "" : $" {ok.SansResponsable} sans responsable : aucun membre de l'équipe n'exerce la profession de l'étape.");
                    return Redirect($"/parcours/patients/{patientId}/inscrire");
                case ResultatInscriptionParcours.PatientIntrouvable:
                    return NotFound();
                case ResultatInscriptionParcours.ModeleIntrouvable:
                    ModelState.AddModelError(nameof(ModeleId), "Ce parcours n'existe pas ou a été archivé.");
                    break;
                case ResultatInscriptionParcours.DejaInscrit d:
                    ModelState.AddModelError(nameof(ModeleId), $"Le patient suit déjà ce parcours (début le {d.DebutLe.ToString("dd/MM/yyyy", PlateformeWeb.Francais)}) et des tâches y restent à faire.");
                    break;
                case ResultatInscriptionParcours.DateInvalide d:
                    ModelState.AddModelError(nameof(DebutLe), d.Message);
                    break;
            }
        }
        return await ChargerAsync(patientId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFaiteAsync(long patientId, long tacheId, CancellationToken ct)
    {
        switch (await marquer.ExecuteAsync(tacheId, User, ct))
        {
            case ResultatTacheFaite.Faite:
            case ResultatTacheFaite.DejaFaite:
                Message = "Tâche marquée faite.";
                return Redirect($"/parcours/patients/{patientId}/inscrire");
            case ResultatTacheFaite.Interdit:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> ChargerAsync(long patientId, CancellationToken ct)
    {
        Aujourdhui = HeureParis.Aujourdhui(horloge);
        if (await consulter.ExecuteAsync(patientId, ct) is not { } patient)
        {
            return false;
        }
        Patient = patient;
        await journal.EnregistrerAsync("Lecture", "PatientParcours", patientId.ToString(CultureInfo.InvariantCulture), "Parcours du patient", patientId, ct);
        Modeles = await modeles.ExecuteAsync(avecArchives: false, ct);
        return true;
    }
}
