using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Which roles must use two-factor authentication (one <see cref="ExigenceDeuxFacteurs"/> row per role,
/// over the default of <see cref="DeuxFacteursObligatoire"/>). Each change is audited.</summary>
public sealed class ExigerDeuxFacteurs(OpenCptsDb db, IMemoryCache cache, DeuxFacteursObligatoire regle, JournalAudit audit)
{
    public Task<IReadOnlySet<string>> RolesExigeantAsync(CancellationToken ct = default) => regle.TousRolesExigeantAsync(ct);

    /// <summary>Requires 2FA for exactly the given roles; unknown role names are ignored. Every role gets an explicit
    /// row, so that the choice no longer follows the default.</summary>
    public async Task ExecuteAsync(IReadOnlyCollection<string> rolesExigeant, CancellationToken ct = default)
    {
        DeuxFacteursObligatoire.Oublier(cache);
        var avant = await regle.TousRolesExigeantAsync(ct);
        var existantes = await db.ExigencesDeuxFacteurs.ToDictionaryAsync(e => e.Role, StringComparer.Ordinal, ct);
        foreach (var role in Roles.Tous)
        {
            if (!existantes.TryGetValue(role, out var exigence))
            {
                exigence = new ExigenceDeuxFacteurs { Role = role };
                db.ExigencesDeuxFacteurs.Add(exigence);
            }
            exigence.Exigee = rolesExigeant.Contains(role);
        }
        await db.SaveChangesAsync(ct);
        DeuxFacteursObligatoire.Oublier(cache);
        foreach (var role in Roles.Tous.Where(r => avant.Contains(r) != rolesExigeant.Contains(r)))
        {
            await audit.EnregistrerAsync("Modification", "ExigenceDeuxFacteurs", role,
                rolesExigeant.Contains(role) ? "Double authentification exigée" : "Double authentification n'est plus exigée", ct);
        }
    }
}
