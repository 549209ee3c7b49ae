using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>The territory and its indicators, for every signed-in role (no personal data).</summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueConnecte)]
public class IndexModel(IndicateursTerritoire indicateurs) : PageModel
{
    public TableauTerritoire? Tableau { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tableau = await indicateurs.ExecuteAsync(ct);
}
