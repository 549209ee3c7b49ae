using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>Per kind of notification: in the application only, an e-mail each time, the daily digest, or an SMS.</summary>
[Authorize(Policy = Notifications.PolitiqueNotifications)]
public class PreferencesModel(PreferencesNotifications preferences) : PageModel
{
    [BindProperty]
    public Dictionary<string, string> Choix { get; set; } = [];

    [BindProperty]
    public string? Telephone { get; set; }

    [TempData]
    public string? Message { get; set; }

    private string Compte => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await preferences.ChargerAsync(Compte, ct);
        Choix = new Dictionary<string, string>(p.Choix);
        Telephone = p.Telephone;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await preferences.EnregistrerAsync(Compte, Choix, Telephone, ct))
        {
            case ResultatPreferences.Invalides i:
                ModelState.AjouterErreurs(i.Erreurs);
                return Page();
            default:
                Message = "Vos préférences de notification sont enregistrées.";
                return RedirectToPage();
        }
    }
}
