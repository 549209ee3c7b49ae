using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Email;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

/// <summary>The link sent to a new address. The change is made by a POST (a mail scanner that opens links changes nothing).</summary>
public class ConfirmerEmailModel(ChangerEmail changer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Compte { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public bool? Confirme { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Confirme = await changer.ConfirmerAsync(Compte, Email, Code, ct);
        return Page();
    }
}
