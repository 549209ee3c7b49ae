using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Rattachement;

/// <summary>The CPTS an account is attached to, and the switch from one to another.</summary>
public sealed class MesCptsModel(OpenCptsDb db, JournalAudit audit, TimeProvider horloge) : PageModel
{
    public sealed record Ligne(int Id, string Nom, bool Courante);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var choix = CptsDeLaRequete.Choix(HttpContext);
        var noms = await db.Cpts.Where(c => choix.Possibles.Contains(c.Id)).OrderBy(c => c.Nom).Select(c => new { c.Id, c.Nom }).ToListAsync(ct);
        Lignes = [.. noms.Select(c => new Ligne(c.Id, c.Nom, c.Id == choix.Courante))];
    }

    /// <summary>Switches to another of the account's CPTS; a CPTS it is not attached to is refused as unknown, and the
    /// refusal is audited.</summary>
    public async Task<IActionResult> OnPostAsync(int cptsId, CancellationToken ct)
    {
        if (!CptsDeLaRequete.Choix(HttpContext).Possibles.Contains(cptsId))
        {
            await audit.EnregistrerAsync("Refus", "Cpts", cptsId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Changement vers une CPTS non rattachée", ct);
            return NotFound();
        }
        Response.Cookies.Append(CptsDeLaRequete.Cookie, cptsId.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Expires = horloge.GetUtcNow().AddYears(1),
        });
        return LocalRedirect("/");
    }
}
