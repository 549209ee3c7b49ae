using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>The protocols library, filtered by text (title or pathology), status and profession.</summary>
[Authorize(Policy = ProtocolesParcours.PolitiqueLecture)]
public class ListeProtocolesModel(RechercherProtocoles rechercher) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Texte { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Profession { get; set; }

    public IReadOnlyList<LigneProtocole> Lignes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var statut = Statut is not null && StatutsProtocole.Tous.Contains(Statut) ? Statut : null;
        Lignes = await rechercher.ExecuteAsync(new FiltreProtocoles(Texte, statut, string.IsNullOrWhiteSpace(Profession) ? null : Profession), ct);
    }
}
