using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Parcours.Patients;

/// <summary>
/// The Coordination settles the possible duplicates created when someone typed the identity of a patient he could not
/// see: merge into the existing file, or declare them distinct. The list names patients: each display is audited.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class DoublonsPatientsModel(CptsCourante cpts, ListerDoublonsPatients lister, FusionnerPatientsParcours fusionner, JournalAudit journal) : PageModel
{
    public IReadOnlyList<DoublonPatient> Doublons { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Doublons = await lister.ExecuteAsync((await cpts.ObtenirAsync(ct)).Id, ct);
        await journal.LecturesAsync(Doublons.SelectMany(d => new[] { d.Id, d.ExistantId }), "Parcours : doublons possibles", ct);
    }

    public async Task<IActionResult> OnPostFusionnerAsync(long doublonId, CancellationToken ct)
    {
        Message = await fusionner.FusionnerAsync(doublonId, User.Identity?.Name, ct) switch
        {
            ResultatDoublonPatient.Traite => "Dossiers fusionnés : équipe, demandes, plans, fil et parcours sont réunis dans le dossier existant.",
            ResultatDoublonPatient.DejaTraite => "Ce doublon a déjà été traité.",
            _ => null,
        };
        return Message is null ? NotFound() : RedirectToPage();
    }

    public async Task<IActionResult> OnPostDistinctsAsync(long doublonId, CancellationToken ct)
    {
        Message = await fusionner.DeclarerDistinctsAsync(doublonId, User.Identity?.Name, ct) switch
        {
            ResultatDoublonPatient.Traite => "Patients déclarés distincts : les deux dossiers restent séparés.",
            ResultatDoublonPatient.DejaTraite => "Ce doublon a déjà été traité.",
            _ => null,
        };
        return Message is null ? NotFound() : RedirectToPage();
    }
}
