using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>The checklist partial: the plan, whether it can still change, and the outcome of the last change.</summary>
public sealed record ChecklistPlanVue(PlanSortieDetail Plan, bool Modifiable, string? Message, bool Erreur);

/// <summary>
/// A discharge plan: patient, hospital, checklist (tick, owner, due date), the patient's team, and the steps of the
/// plan (discharge recorded, closure after D+7 with its outcome, cancellation) for the Coordination and the hospital.
/// Every display and every change is checked by <see cref="AccesPlanSortie"/> and written to the audit log.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
public class PlanSortieModel(
    AccesPlanSortie acces,
    ConsulterPlanSortie consulter,
    ModifierElementSortie elements,
    ChangerStatutPlanSortie statuts,
    RechercherProfessionnelsEquipe rechercher,
    AjouterProfessionnelEquipe ajouter,
    UtilisateurParcours utilisateurs) : PageModel
{
    public PlanSortieDetail Plan { get; private set; } = null!;
    public bool Gestionnaire { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    public IReadOnlyList<ProfessionnelPropose> Resultats { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Erreur { get; private set; }

    [BindProperty] public DateOnly? DateSortieEffective { get; set; }
    [BindProperty] public bool? Readmission30Jours { get; set; }
    [BindProperty] public string? Bilan { get; set; }

    public string Adresse => $"/parcours/sorties/{Plan.Id}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await AccederAsync(id, "Lecture", ct) is { } refus)
        {
            return refus;
        }
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            Resultats = await rechercher.ExecuteAsync(Recherche, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCocherAsync(long id, long elementId, bool fait, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        var profil = await utilisateurs.ProfilAsync(User, ct);
        var resultat = await elements.CocherAsync(id, elementId, fait, profil.NomAffiche, ct);
        return await ReponseChecklistAsync(resultat, fait ? "Élément coché." : "Élément décoché.", ct);
    }

    public async Task<IActionResult> OnPostElementAsync(long id, long elementId, int? responsableProfessionnelId, string? responsable, DateOnly? echeance,
        CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        if (ModelState.TryGetValue(nameof(echeance), out var e) && e.Errors.Count > 0)
        {
            return await ReponseChecklistAsync(new ResultatModificationElement.Invalide("L'échéance n'est pas une date valide."), "", ct);
        }
        var resultat = await elements.ModifierAsync(id, elementId, responsableProfessionnelId, responsable, echeance, ct);
        return await ReponseChecklistAsync(resultat, "Élément enregistré.", ct);
    }

    public async Task<IActionResult> OnPostAjouterMembreAsync(long id, int professionnelId, string? role, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        var profil = await utilisateurs.ProfilAsync(User, ct);
        Message = await ajouter.ExecuteAsync(Plan.PatientId, professionnelId, role, profil.Email, ct)
            ? "Professionnel ajouté à l'équipe du patient."
            : "Ce professionnel n'est pas dans l'annuaire.";
        return Redirect(Adresse + "#equipe");
    }

    public async Task<IActionResult> OnPostSortieAsync(long id, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct, gestion: true) is { } refus)
        {
            return refus;
        }
        if (ModelState.TryGetValue(nameof(DateSortieEffective), out var e) && e.Errors.Count > 0)
        {
            ModelState.Remove(nameof(DateSortieEffective));
            return Echec(new ResultatStatutPlan.Invalide(new() { ["dateSortieEffective"] = ["Cette date n'est pas valide (JJ/MM/AAAA)."] }));
        }
        var resultat = await statuts.SortieAsync(id, DateSortieEffective, ct);
        return resultat is ResultatStatutPlan.Ok ? Fait("Sortie enregistrée : le plan se clôt après l'appel de suivi à J+7.") : Echec(resultat);
    }

    public async Task<IActionResult> OnPostClotureAsync(long id, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct, gestion: true) is { } refus)
        {
            return refus;
        }
        var resultat = await statuts.ClotureAsync(id, Readmission30Jours, Bilan, ct);
        return resultat is ResultatStatutPlan.Ok ? Fait("Plan clos avec son résultat.") : Echec(resultat);
    }

    public async Task<IActionResult> OnPostAnnulerAsync(long id, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct, gestion: true) is { } refus)
        {
            return refus;
        }
        var resultat = await statuts.AnnulationAsync(id, ct);
        return resultat is ResultatStatutPlan.Ok ? Fait("Plan de sortie annulé.") : Echec(resultat);
    }

    /// <summary>Checks access (logged), then loads the plan; null when the page can go on.</summary>
    private async Task<IActionResult?> AccederAsync(long id, string action, CancellationToken ct, bool gestion = false)
    {
        // Unknown and forbidden plans get the same 404; a team member who sees the plan but does not manage it gets 403.
        if (await acces.VerifierEtJournaliserAsync(User, id, action, ct: ct) is not ResultatAccesPlan.Autorise a)
        {
            return NotFound();
        }
        Gestionnaire = a.Plan.Gestionnaire;
        if (gestion && !Gestionnaire)
        {
            return Forbid();
        }
        var plan = await consulter.ExecuteAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        return null;
    }

    private async Task<IActionResult> ReponseChecklistAsync(ResultatModificationElement resultat, string succes, CancellationToken ct)
    {
        var (message, erreur) = resultat switch
        {
            ResultatModificationElement.Modifie => (succes, false),
            ResultatModificationElement.Invalide i => (i.Message, true),
            ResultatModificationElement.Fige => ("Ce plan est clos ou annulé : sa liste ne change plus.", true),
            _ => ("Cet élément n'existe pas dans ce plan.", true),
        };
        if (!Request.IsHtmx())
        {
            if (erreur)
            {
                Erreur = message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Plan = (await consulter.ExecuteAsync(Plan.Id, ct))!;
                return Page();
            }
            Message = message;
            return Redirect(Adresse + "#checklist");
        }
        Plan = (await consulter.ExecuteAsync(Plan.Id, ct))!;
        return Partial("_ChecklistPlan", new ChecklistPlanVue(Plan, Modifiable, message, erreur));
    }

    public bool Modifiable => Plan.Statut is StatutsPlanSortie.EnPreparation or StatutsPlanSortie.Sorti;

    private RedirectResult Fait(string message)
    {
        Message = message;
        return Redirect(Adresse);
    }

    private PageResult Echec(ResultatStatutPlan resultat)
    {
        switch (resultat)
        {
            case ResultatStatutPlan.Invalide inv:
                ModelState.AjouterErreurs(inv.Erreurs);
                Erreur = "Rien n'est enregistré : corrigez les champs signalés.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ResultatStatutPlan.Conflit c:
                Erreur = c.Message;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return Page();
    }
}
