using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>A step row of the form.</summary>
public sealed class LigneEtapeSaisie
{
    public string? Libelle { get; set; }
    public string? CodeProfession { get; set; }
    public string? DelaiJours { get; set; }

    public bool Vide => string.IsNullOrWhiteSpace(Libelle) && string.IsNullOrWhiteSpace(CodeProfession) && string.IsNullOrWhiteSpace(DelaiJours);
}

/// <summary>
/// Creates (<c>/parcours/modeles/nouveau</c>) or edits a pathway template. Steps are added, removed and moved with
/// plain form buttons that send the whole form back: nothing typed is lost, and it works without script.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class EditionModeleParcoursModel(ListerModelesParcours lister, EnregistrerModeleParcours enregistrer, ListerProtocoles protocoles) : PageModel
{
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? ProtocoleId { get; set; }
    [BindProperty] public List<LigneEtapeSaisie> Etapes { get; set; } = [];

    public int? Id { get; private set; }
    public bool Archive { get; private set; }
    public IReadOnlyList<ProtocoleResume> Protocoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } i)
        {
            if (await lister.LireAsync(i, ct) is not { } m)
            {
                return NotFound();
            }
            (Nom, Description, ProtocoleId, Archive) = (m.Nom, m.Description, m.ProtocoleId, m.Archive);
            Etapes = [.. m.Etapes.Select(e => new LigneEtapeSaisie
            {
                Libelle = e.Libelle,
                CodeProfession = e.CodeProfession,
                DelaiJours = e.DelaiJours.ToString(CultureInfo.InvariantCulture),
            })];
        }
        else
        {
            Etapes = [new LigneEtapeSaisie()];
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Etapes = [.. Etapes.Where(e => !e.Vide)];
        ModelState.Clear();
        var saisie = new SaisieModeleParcours(Nom, Description, ProtocoleId, [.. Etapes.Select(e => new SaisieEtape(e.Libelle, e.CodeProfession, e.DelaiJours))]);
        var resultat = id is { } i ? await enregistrer.ModifierAsync(i, saisie, ct) : await enregistrer.CreerAsync(saisie, ct);
        switch (resultat)
        {
            case ResultatEnregistrementModele.Ok:
                TempData["Message"] = $"Modèle « {Nom!.Trim()} » enregistré.";
                return Redirect("/parcours/modeles");
            case ResultatEnregistrementModele.Invalide inv:
                ModelState.AjouterErreurs(inv.Erreurs);
                if (Etapes.Count == 0)
                {
                    Etapes.Add(new LigneEtapeSaisie());
                }
                return await PageAsync(ct);
            default:
                return NotFound();
        }
    }

    public Task<IActionResult> OnPostAjouterEtapeAsync(int? id, CancellationToken ct)
    {
        Etapes.Add(new LigneEtapeSaisie());
        return ReafficherAsync(id, ct);
    }

    public Task<IActionResult> OnPostRetirerEtapeAsync(int? id, int index, CancellationToken ct)
    {
        if (index >= 0 && index < Etapes.Count)
        {
            Etapes.RemoveAt(index);
        }
        if (Etapes.Count == 0)
        {
            Etapes.Add(new LigneEtapeSaisie());
        }
        return ReafficherAsync(id, ct);
    }

    public Task<IActionResult> OnPostMonterEtapeAsync(int? id, int index, CancellationToken ct)
    {
        if (index > 0 && index < Etapes.Count)
        {
            (Etapes[index - 1], Etapes[index]) = (Etapes[index], Etapes[index - 1]);
        }
        return ReafficherAsync(id, ct);
    }

    public Task<IActionResult> OnPostDescendreEtapeAsync(int? id, int index, CancellationToken ct)
    {
        if (index >= 0 && index < Etapes.Count - 1)
        {
            (Etapes[index + 1], Etapes[index]) = (Etapes[index], Etapes[index + 1]);
        }
        return ReafficherAsync(id, ct);
    }

    /// <summary>The form again with the rows changed, nothing saved.</summary>
    private async Task<IActionResult> ReafficherAsync(int? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        if (id is { } i)
        {
            if (await lister.LireAsync(i, ct) is not { } m)
            {
                return NotFound();
            }
            Archive = m.Archive;
        }
        return await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Protocoles = await protocoles.ExecuteAsync(seulementValides: false, ct);
        return Page();
    }
}
