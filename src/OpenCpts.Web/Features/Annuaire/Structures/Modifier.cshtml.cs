using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Annuaire.Structures;

/// <summary>
/// Adds (<c>/annuaire/structures/nouvelle</c>) or edits a structure of the directory (Coordination). A structure entered
/// by hand is edited whole; a FINESS structure only for its phone and e-mail (the rest is the import's). A wrong value
/// is shown again as typed, with its message.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class ModifierModel(EnregistrerStructure enregistrer, OpenCptsDb db) : PageModel
{
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? CodeCategorie { get; set; }
    [BindProperty] public string? Voie { get; set; }
    [BindProperty] public string? CodeCommune { get; set; }
    [BindProperty] public string? CodePostal { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Siret { get; set; }
    [BindProperty] public string? Finess { get; set; }

    /// <summary>The structure edited; null on the creation form.</summary>
    public StructureModifiable? Structure { get; private set; }
    public bool ContactSeulement => Structure?.Edition == EditionStructure.ContactSeulement;
    public IReadOnlyList<CodeNos> Categories => Terminologies.Instance.CategoriesEtablissement.Tous;
    /// <summary>The territory's communes, offered as suggestions for the INSEE code.</summary>
    public IReadOnlyList<CodeNos> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } i)
        {
            if (await enregistrer.LireAsync(i, ct) is not { } s)
            {
                return NotFound();
            }
            Structure = s;
            (Nom, CodeCategorie, Voie, CodeCommune, CodePostal, Telephone, Email, Siret, Finess) =
                (s.Nom, s.CodeCategorie, s.Voie, s.CodeCommune, s.CodePostal, s.Telephone, s.Email, s.Siret, s.Finess);
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        var saisie = new SaisieStructure(Nom, CodeCategorie, Voie, CodeCommune, CodePostal, Telephone, Email, Siret, Finess);
        if (id is { } i)
        {
            if (await enregistrer.LireAsync(i, ct) is not { } s)
            {
                return NotFound();
            }
            Structure = s;
        }
        var resultat = id is { } modifie ? await enregistrer.ModifierAsync(modifie, saisie, ct) : await enregistrer.CreerAsync(saisie, ct);
        switch (resultat)
        {
            case ResultatEnregistrementStructure.Ok ok:
                TempData["Message"] = id is null ? "Structure ajoutée à l'annuaire." : "Structure enregistrée.";
                return Redirect("/annuaire/structures/" + ok.Id.ToString(CultureInfo.InvariantCulture));
            case ResultatEnregistrementStructure.Invalide invalide:
                ModelState.AjouterErreurs(invalide.Erreurs);
                return await PageAsync(ct);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        if (db.Perimetre.CptsId is { } cptsId)
        {
            var communes = await db.CommunesTerritoire.AsNoTracking().Where(t => t.CptsId == cptsId)
                .Select(t => new { t.CodeInsee, t.Commune!.Nom }).ToListAsync(ct);
            Communes = [.. communes.Select(c => new CodeNos(c.CodeInsee, c.Nom)).OrderBy(c => c.Libelle, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))];
        }
        return Page();
    }
}
