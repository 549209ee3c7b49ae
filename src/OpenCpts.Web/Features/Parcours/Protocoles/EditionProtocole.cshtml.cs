using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>
/// The Coordination creates a protocol (<c>/parcours/protocoles/nouveau</c>) or edits one: title, pathology,
/// professions, working group, Markdown content and the comment of the change. A changed content adds a version.
/// On an error everything typed is shown again with the message next to its field.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueCoordination)]
public class EditionProtocoleModel(ConsulterProtocole consulter, EnregistrerProtocole enregistrer, RenduMarkdown rendu) : PageModel
{
    [BindProperty] public string? Titre { get; set; }
    [BindProperty] public string? Pathologie { get; set; }
    [BindProperty] public List<string> Professions { get; set; } = [];
    [BindProperty] public string? GroupeTravail { get; set; }
    [BindProperty] public string? ContenuMarkdown { get; set; }
    [BindProperty] public string? Commentaire { get; set; }
    [BindProperty] public int? VersionLue { get; set; }

    public int? Id { get; private set; }
    public string? TitreActuel { get; private set; }
    public string? Conflit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }
        if (await consulter.ExecuteAsync(id.Value, null, ct) is not { } f)
        {
            return NotFound();
        }
        (Titre, Pathologie, Professions, GroupeTravail, ContenuMarkdown, VersionLue, TitreActuel) =
            (f.Titre, f.Pathologie, [.. f.Professions], f.GroupeTravail, f.ContenuMarkdown, f.VersionCourante, f.Titre);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var saisie = new SaisieProtocole(Titre, Pathologie, Professions, GroupeTravail, ContenuMarkdown, Commentaire, VersionLue);
        var auteur = User.Identity?.Name ?? "(inconnu)";
        var resultat = id is null
            ? await enregistrer.CreerAsync(saisie, auteur, ct)
            : await enregistrer.ModifierAsync(id.Value, saisie, auteur, ct);
        switch (resultat)
        {
            case ResultatEnregistrementProtocole.Ok ok:
                TempData["Message"] = id is null
                    ? "Protocole créé (brouillon, version 1)."
                    : ok.NouvelleVersion ? $"Version {ok.Version} enregistrée." : "Modifications enregistrées (contenu inchangé : pas de nouvelle version).";
                return Redirect($"/parcours/protocoles/{ok.Id}");
            case ResultatEnregistrementProtocole.Invalide inv:
                ModelState.AjouterErreurs(inv.Erreurs);
                break;
            case ResultatEnregistrementProtocole.Conflit c:
                Conflit = $"{c.Auteur} a enregistré la version {c.VersionCourante} pendant que vous modifiiez le protocole. " +
                    "Votre texte est conservé ci-dessous : ouvrez la version courante dans un autre onglet, reportez-y vos changements, puis enregistrez.";
                break;
            default:
                return NotFound();
        }
        if (id is not null)
        {
            TitreActuel = (await consulter.ExecuteAsync(id.Value, null, ct))?.Titre;
        }
        return Page();
    }

    /// <summary>htmx: the content as it will be shown, to check the Markdown before saving.</summary>
    public IActionResult OnPostApercu() =>
        Content(rendu.EnHtml(ContenuMarkdown) is { Length: > 0 } html ? html : "<p class=\"text-muted\">Rien à afficher.</p>", "text/html; charset=utf-8");
}
