using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>
/// Posting a care request from the platform (a professional, the Coordination, the Régulation or a hospital team).
/// With <c>?PlanSortieId=</c>, the request is for the patient of a discharge plan the user manages; any other plan
/// answers 404, as an unknown one, and shows nothing of its patient.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueDemandeur)]
public class NouvelleDemandeModel(OpenCptsDb db, CptsCourante cpts, PosterDemandePec poster, UtilisateurParcours utilisateurs, AccesPlanSortie accesPlan) : PageModel
{
    /// <summary>Professions offered first in the form (the ones care requests are mostly about).</summary>
    public static readonly IReadOnlyList<string> ProfessionsProposees = ["60", "70", "21", "10", "50", "91", "96", "80", "40", "93"];

    [BindProperty(SupportsGet = true)]
    public long? PlanSortieId { get; set; }
    [BindProperty]
    public string? Nom { get; set; }
    [BindProperty]
    public string? Prenom { get; set; }
    [BindProperty]
    public DateOnly? DateNaissance { get; set; }
    [BindProperty]
    public string? Commune { get; set; }
    [BindProperty]
    public string Profession { get; set; } = "60";
    [BindProperty]
    public string? Actes { get; set; }
    [BindProperty]
    public string Lieu { get; set; } = LieuxSoins.Domicile;
    [BindProperty]
    public DateOnly? Debut { get; set; }
    [BindProperty]
    public string? Frequence { get; set; }
    [BindProperty]
    public string? Duree { get; set; }
    [BindProperty]
    public string Urgence { get; set; } = UrgencesDemandePec.Rapide;
    [BindProperty]
    public string? Description { get; set; }
    [BindProperty]
    public int? ProtocoleId { get; set; }

    public IReadOnlyList<(string Code, string Nom)> Communes { get; private set; } = [];
    public IReadOnlyList<(int Id, string Titre)> Protocoles { get; private set; } = [];
    /// <summary>The discharge plan the request belongs to (its patient is the request's).</summary>
    public string? PatientDuPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(ct))
        {
            return NotFound();
        }
        var actes = (Actes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var code = Commune?.Split(' ', 2)[0];
        var saisie = new SaisieDemandePec(Profession, actes, code, Lieu, Debut, Frequence, Duree, Urgence, Description,
            PlanSortieId is null ? new SaisieIdentite(Nom, Prenom, DateNaissance) : null, ProtocoleId, PlanSortieId);
        var resultat = await poster.ExecuteAsync(saisie, await utilisateurs.ProfilAsync(User, ct), ct);
        switch (resultat)
        {
            case ResultatDemandePec.Creee c:
                TempData["Message"] = c.Destinataires == 0
                    ? "Demande enregistrée. Aucun membre ne correspond pour l'instant : la Coordination en est avertie si personne ne l'accepte dans le délai fixé."
                    : $"Demande envoyée à {c.Destinataires} membre(s). Vous serez prévenu par e-mail dès que l'un d'eux l'accepte.";
                return RedirectToPage("/Parcours/Demandes/Demande", new { id = c.Id });
            case ResultatDemandePec.Invalide inv:
                ModelState.AjouterErreurs(inv.Erreurs, champs: Champs);
                return Page();
            default:
                throw new InvalidOperationException("Unexpected result " + resultat);
        }
    }

    /// <summary>The fields whose form control is named otherwise than the request's key; the plan's errors are the form's.</summary>
    private static readonly Dictionary<string, string> Champs = new(StringComparer.Ordinal)
    {
        ["Patient"] = nameof(Nom),
        ["Patient.Nom"] = nameof(Nom),
        ["Patient.Prenom"] = nameof(Prenom),
        ["Patient.DateNaissance"] = nameof(DateNaissance),
        ["CommuneInsee"] = nameof(Commune),
        ["PlanSortieId"] = "",
    };

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        Communes = [.. (await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).OrderBy(c => c.Nom)
            .Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct)).Select(c => (c.CodeInsee, c.Nom))];
        Protocoles = [.. (await db.Protocoles.AsNoTracking().Where(p => p.Statut == StatutsProtocole.Valide).OrderBy(p => p.Titre)
            .Select(p => new { p.Id, p.Titre }).ToListAsync(ct)).Select(p => (p.Id, p.Titre))];
        if (PlanSortieId is { } planId)
        {
            // Only the plan's managers attach a request to it; for anyone else the plan does not exist (refusal audited,
            // and a shown identity is audited as a read of the plan).
            if (await accesPlan.VerifierEtJournaliserAsync(User, planId, gestion: true, ct: ct) is not ResultatAccesPlan.Autorise)
            {
                return false;
            }
            var plan = await db.PlansSortie.AsNoTracking().Include(p => p.Patient).FirstAsync(p => p.Id == planId, ct);
            PatientDuPlan = $"{plan.Patient!.NomComplet}, sortie prévue le {plan.DateSortiePrevue.ToString("dd/MM/yyyy", Infrastructure.Web.PlateformeWeb.Francais)}";
            if (Request.Method == "GET")
            {
                Commune ??= plan.Patient.CodeCommune;
                Debut ??= plan.DateSortiePrevue;
                ProtocoleId ??= plan.ProtocoleId;
            }
        }
        return true;
    }
}
