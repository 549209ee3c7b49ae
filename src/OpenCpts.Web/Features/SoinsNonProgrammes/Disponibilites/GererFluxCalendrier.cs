using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>
/// Creates (or regenerates) and revokes a professional's calendar feed. One live feed per
/// professional: a new one revokes the previous URL, which is the way to "change the password".
/// </summary>
public sealed class GererFluxCalendrier(OpenCptsDb db, TimeProvider horloge)
{
    /// <summary>The feed's path; shown once, never stored.</summary>
    public static string Adresse(string secret) => $"/snp/calendrier/{secret}.ics";

    public async Task<string> CreerAsync(int professionnelId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await RevoquerAsync(professionnelId, ct);
        // 32 random bytes, URL-safe: long enough that the URL cannot be guessed.
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.FluxCalendriers.Add(new FluxCalendrier { ProfessionnelId = professionnelId, Empreinte = Empreinte(secret), CreeLeUtc = maintenant });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Revokes the live feed; false when there was none.</summary>
    public async Task<bool> RevoquerAsync(int professionnelId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var n = await db.FluxCalendriers
            .Where(f => f.ProfessionnelId == professionnelId && f.RevoqueLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevoqueLeUtc, maintenant), ct);
        return n > 0;
    }

    /// <summary>When the live feed was created, or null.</summary>
    public Task<DateTime?> ActifDepuisAsync(int professionnelId, CancellationToken ct = default) =>
        db.FluxCalendriers.Where(f => f.ProfessionnelId == professionnelId && f.RevoqueLeUtc == null)
            .Select(f => (DateTime?)f.CreeLeUtc).FirstOrDefaultAsync(ct);

    public static string Empreinte(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
