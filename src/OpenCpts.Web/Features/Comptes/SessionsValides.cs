using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>
/// Checks a session cookie against its account on every request: a deactivated account, or one whose security stamp
/// changed since the cookie was issued (new password, role changed, deactivation), is signed out at once. Identity's
/// own validator does this only every 30 minutes; here it costs one query by primary key.
/// </summary>
public static class SessionsValides
{
    public static async Task ValiderAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var id = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null)
        {
            var typeTampon = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var tampon = ctx.Principal!.FindFirstValue(typeTampon);
            var compte = await services.GetRequiredService<OpenCptsDb>().Users.AsNoTracking()
                .Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.DesactiveLeUtc }).FirstOrDefaultAsync();
            if (compte is null || compte.DesactiveLeUtc is not null || (tampon is not null && tampon != compte.SecurityStamp))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }
}
