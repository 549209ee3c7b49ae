using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Invitations;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>The Coordination picks members of the directory without an account and invites them at once.</summary>
[Authorize(Policy = Comptes.PolitiqueCoordination)]
public class InviterMembresModel(InviterMembres inviter) : PageModel
{
    public IReadOnlyList<MembreInvitable> Membres { get; private set; } = [];
    public BilanInvitations? Bilan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Membres = await inviter.ListerAsync(ct);

    public async Task<IActionResult> OnPostAsync(int[]? professionnels, CancellationToken ct)
    {
        if (professionnels is null || professionnels.Length == 0)
        {
            ModelState.AddModelError("", "Cochez au moins un membre à inviter.");
        }
        else
        {
            Bilan = await inviter.ExecuteAsync(professionnels, ct);
        }
        Membres = await inviter.ListerAsync(ct);
        return Page();
    }
}
