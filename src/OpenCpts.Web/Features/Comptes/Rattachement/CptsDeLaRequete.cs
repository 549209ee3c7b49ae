using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Rattachement;

/// <summary>
/// Resolves the CPTS of each request and binds the request's <see cref="PerimetreCpts"/> to it, right after
/// authentication:
/// <list type="bullet">
/// <item>the SAS platform's machine account reads every CPTS (the SAS is national);</item>
/// <item>a platform account acts in the CPTS it chose (cookie <see cref="Cookie"/>) among those it is attached to,
/// by default the first; an account attached to none sees no CPTS data at all;</item>
/// <item>anyone else (public pages, the SAS, a SAS regulator's link) gets the CPTS whose <see cref="Cpts.Hote"/> is
/// the request's host name, or else the first CPTS created (a host that serves one CPTS needs no setting).</item>
/// </list>
/// </summary>
public static class CptsDeLaRequete
{
    /// <summary>The account's choice among its CPTS (not a secret: it is checked against the attachments).</summary>
    public const string Cookie = "opencpts.cpts";

    private const string CleItems = "OpenCpts.CptsDeLaRequete";

    public static async Task ResoudreAsync(HttpContext http, RequestDelegate suivant)
    {
        var db = http.RequestServices.GetRequiredService<OpenCptsDb>();
        if (http.User.IsInRole(Roles.PlateformeSas))
        {
            // The SAS is national: its machine account reads the slots of every CPTS of the host (one
            // HealthcareService per CPTS), and writes nothing that belongs to a CPTS.
            db.Perimetre.OuvrirToutes();
            await suivant(http);
            return;
        }
        var choix = await ChoisirAsync(http, db);
        http.Items[CleItems] = choix;
        if (choix.Courante is { } courante)
        {
            db.Perimetre.Fixer(courante);
        }
        await suivant(http);
    }

    /// <summary>The CPTS of this request and those the caller may switch to (empty for anonymous callers).</summary>
    public static ChoixCpts Choix(HttpContext http) =>
        http.Items.TryGetValue(CleItems, out var c) && c is ChoixCpts choix ? choix : ChoixCpts.Aucun;

    private static async Task<ChoixCpts> ChoisirAsync(HttpContext http, OpenCptsDb db)
    {
        var ct = http.RequestAborted;
        if (CompteDeLaPlateforme(http.User) is { } utilisateurId)
        {
            var siennes = await db.Set<RattachementCpts>().Where(r => r.UtilisateurId == utilisateurId)
                .OrderBy(r => r.CptsId).Select(r => r.CptsId).ToListAsync(ct);
            if (siennes.Count == 0)
            {
                return ChoixCpts.Aucun;
            }
            var voulue = int.TryParse(http.Request.Cookies[Cookie], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
            return new ChoixCpts(siennes.Contains(voulue) ? voulue : siennes[0], siennes);
        }
        var hote = http.Request.Host.Host;
        var parHote = await db.Cpts.Where(x => x.Hote == hote).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        var courante = parHote ?? await db.Cpts.OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        return new ChoixCpts(courante, []);
    }

    /// <summary>The account id of a platform account (session cookie or API token); null for anonymous callers and
    /// SAS regulators (signed in by the SAS's own scheme), who are not accounts of the platform.</summary>
    private static string? CompteDeLaPlateforme(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: var type }
            && (type == IdentityConstants.ApplicationScheme || type == AuthentificationJeton.Schema)
            ? principal.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
}

/// <summary>The CPTS a request acts in, and the CPTS its account may switch to.</summary>
public sealed record ChoixCpts(int? Courante, IReadOnlyList<int> Possibles)
{
    public static readonly ChoixCpts Aucun = new(null, []);
}
