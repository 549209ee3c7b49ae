using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>
/// The Coordination's matching desk: run a matching, review the draft (remove a line, give it to another GP), send it
/// or abandon it; then follow the accepted patients until the declaration is confirmed.
/// </summary>
[Authorize(Policy = AppariementMt.PolitiquePropositions)]
public class PropositionsModel(
    ConsulterProposition consulter,
    LancerAppariement lancer,
    ModifierBrouillon modifier,
    EnvoyerProposition envoyer,
    AbandonnerProposition abandonner,
    ConfirmerDeclaration confirmer,
    ChargerDonneesAppariement charger,
    JournalAudit journal) : PageModel
{
    public PropositionVue? Proposition { get; private set; }
    public IReadOnlyList<(PropositionAppariement Proposition, Dictionary<string, int> ParStatut)> Envoyees { get; private set; } = [];
    public IReadOnlyList<AcceptationASuivre> Acceptations { get; private set; } = [];
    public IReadOnlyList<MedecinCapacite> Medecins { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    [TempData]
    public string? Erreur { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        Proposition = await consulter.ExecuteAsync(id, ct);
        if (id is not null && Proposition is null)
        {
            return NotFound();
        }
        Envoyees = await consulter.EnvoyeesAsync(ct);
        Acceptations = await consulter.AcceptationsAsync(ct);
        Medecins = await charger.MedecinsAsync(null, ct);
        if (Proposition is { Lignes.Count: > 0 })
        {
            await journal.LectureAsync("PropositionAppariement", Proposition.Proposition.Id.ToString(CultureInfo.InvariantCulture), ct);
        }
        if (Acceptations.Count > 0)
        {
            await journal.LectureAsync("DemandeMedecinTraitant", "acceptees", ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostLancerAsync(CancellationToken ct)
    {
        var p = await lancer.ExecuteAsync(User.Identity?.Name, ct);
        Message = $"Appariement calculé : {p.Affectations.Count} patient(s) affecté(s), {p.NonAffectees} sans médecin. Relisez puis envoyez.";
        return RedirectToPage(new { id = p.Id });
    }

    public async Task<IActionResult> OnPostRetirerAsync(long id, long affectationId, CancellationToken ct)
    {
        Signaler(await modifier.RetirerAsync(affectationId, ct), "Ligne retirée de la proposition.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReaffecterAsync(long id, long affectationId, int professionnelId, CancellationToken ct)
    {
        Signaler(await modifier.ReaffecterAsync(affectationId, professionnelId, ct), "Patient réaffecté.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnvoyerAsync(long id, CancellationToken ct)
    {
        switch (await envoyer.ExecuteAsync(id, User.Identity?.Name, ct))
        {
            case ResultatEnvoiProposition.Envoyee e:
                Message = $"Proposition envoyée : {e.Envoyees} patient(s) proposé(s) aux médecins" + (e.Ecartees > 0 ? $", {e.Ecartees} ligne(s) écartée(s) (patient plus en attente ou médecin sans place)." : ".");
                break;
            case ResultatEnvoiProposition.PasUnBrouillon:
                Erreur = "Cette proposition a déjà été envoyée ou abandonnée.";
                break;
            default:
                return NotFound();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAbandonnerAsync(long id, CancellationToken ct)
    {
        if (await abandonner.ExecuteAsync(id, ct))
        {
            Message = "Brouillon abandonné : aucun médecin n'a été sollicité.";
        }
        else
        {
            Erreur = "Cette proposition n'est plus un brouillon.";
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmerAsync(long demandeId, CancellationToken ct)
    {
        if (await confirmer.ExecuteAsync(demandeId, User.Identity?.Name, ct) == ResultatConfirmation.Placee)
        {
            Message = "Déclaration confirmée : le patient est placé.";
        }
        else
        {
            Erreur = "Cette demande n'attend plus de confirmation.";
        }
        return RedirectToPage();
    }

    private void Signaler(ResultatModificationBrouillon resultat, string succes)
    {
        switch (resultat)
        {
            case ResultatModificationBrouillon.Modifiee:
                Message = succes;
                break;
            case ResultatModificationBrouillon.PasUnBrouillon:
                Erreur = "Cette proposition n'est plus un brouillon : elle ne peut plus être modifiée.";
                break;
            case ResultatModificationBrouillon.MedecinNonEligible:
                Erreur = "Ce médecin ne peut pas recevoir ce patient (pause, restriction ou plus de place ce mois-ci).";
                break;
            default:
                Erreur = "Ligne introuvable.";
                break;
        }
    }
}
