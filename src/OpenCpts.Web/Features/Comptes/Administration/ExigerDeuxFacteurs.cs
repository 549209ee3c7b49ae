using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>Which roles must use two-factor authentication (one <see cref="ExigenceDeuxFacteurs"/> row per role).</summary>
public sealed class ExigerDeuxFacteurs(OpenCptsDb db, IMemoryCache cache)
{
    public async Task<IReadOnlySet<string>> RolesExigeantAsync(CancellationToken ct = default) =>
        (await db.ExigencesDeuxFacteurs.Where(e => e.Exigee).Select(e => e.Role).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Requires 2FA for exactly the given roles; unknown role names are ignored.</summary>
    public async Task ExecuteAsync(IReadOnlyCollection<string> rolesExigeant, CancellationToken ct = default)
    {
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
    }
}
