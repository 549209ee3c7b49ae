using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>A token just created: the clear value is given once and never stored.</summary>
public sealed record JetonCree(int Id, string Valeur);

/// <summary>A token as listed on the profile page: never its value, only its prefix.</summary>
public sealed record JetonResume(int Id, string Nom, string Prefixe, DateTime CreeLeUtc, DateTime? DernierUsageUtc, DateTime? RevoqueLeUtc)
{
    public bool Revoque => RevoqueLeUtc is not null;
}

/// <summary>Creates, checks and revokes personal API tokens (stored as SHA-256 hashes).</summary>
public sealed class JetonsApi(OpenCptsDb db, TimeProvider horloge, IMemoryCache cache)
{
    /// <summary>How long an authenticated token is trusted without reading the database again. A revocation on this
    /// instance takes effect at once (the entry is removed); a lockout or a role change within this delay.</summary>
    public static readonly TimeSpan DureeCache = TimeSpan.FromSeconds(30);

    /// <summary>Last use is a hint for the owner, not an audit trail: written at most once a minute, so that a
    /// platform polling with its token does not turn every read into a database write.</summary>
    private static readonly TimeSpan PrecisionDernierUsage = TimeSpan.FromMinutes(1);

    private const string PrefixeJeton = "ocpts_";
    public const int LongueurMaxNom = 100;

    /// <summary>The French error for an invalid token name, or null when the name is acceptable.</summary>
    public static string? ErreurNom(string? nom) =>
        string.IsNullOrWhiteSpace(nom) ? "Le nom du jeton est obligatoire."
        : nom.Trim().Length > LongueurMaxNom ? $"Le nom du jeton ne doit pas dépasser {LongueurMaxNom} caractères."
        : null;

    public async Task<IReadOnlyList<JetonResume>> ListerAsync(string utilisateurId, CancellationToken ct = default) =>
        await db.JetonsApi
            .Where(j => j.UtilisateurId == utilisateurId)
            .OrderBy(j => j.RevoqueLeUtc != null).ThenByDescending(j => j.CreeLeUtc).ThenByDescending(j => j.Id)
            .Select(j => new JetonResume(j.Id, j.Nom, j.Prefixe, j.CreeLeUtc, j.DernierUsageUtc, j.RevoqueLeUtc))
            .ToListAsync(ct);

    public async Task<JetonCree> CreerAsync(string utilisateurId, string nom, CancellationToken ct = default)
    {
        if (ErreurNom(nom) is { } erreur)
        {
            throw new ArgumentException(erreur, nameof(nom));
        }
        var valeur = PrefixeJeton + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var jeton = new JetonApi
        {
            UtilisateurId = utilisateurId,
            Nom = nom.Trim(),
            Prefixe = valeur[..12],
            Empreinte = Empreinte(valeur),
            CreeLeUtc = horloge.GetUtcNow().UtcDateTime,
        };
        db.JetonsApi.Add(jeton);
        await db.SaveChangesAsync(ct);
        return new JetonCree(jeton.Id, valeur);
    }

    /// <summary>The user id of a valid, unrevoked token; records its last use.</summary>
    public async Task<string?> ValiderAsync(string valeur, CancellationToken ct = default)
    {
        if (!valeur.StartsWith(PrefixeJeton, StringComparison.Ordinal) || valeur.Length > 100)
        {
            return null;
        }
        var empreinte = Empreinte(valeur);
        var jeton = await db.JetonsApi.AsNoTracking()
            .Where(j => j.Empreinte == empreinte && j.RevoqueLeUtc == null)
            .Select(j => new { j.Id, j.UtilisateurId, j.DernierUsageUtc })
            .FirstOrDefaultAsync(ct);
        if (jeton is null)
        {
            return null;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (jeton.DernierUsageUtc is not { } dernier || maintenant - dernier >= PrecisionDernierUsage)
        {
            await db.JetonsApi.Where(j => j.Id == jeton.Id).ExecuteUpdateAsync(m => m.SetProperty(j => j.DernierUsageUtc, maintenant), ct);
        }
        return jeton.UtilisateurId;
    }

    /// <summary>Key of the authenticated principal of a token in the memory cache.</summary>
    public static string CleCache(string valeur) => "jeton-api:" + Empreinte(valeur);

    /// <summary>Revokes a token of the given user; false when the user has no such token.</summary>
    public async Task<bool> RevoquerAsync(string utilisateurId, int jetonId, CancellationToken ct = default)
    {
        var jeton = await db.JetonsApi.FirstOrDefaultAsync(j => j.Id == jetonId && j.UtilisateurId == utilisateurId, ct);
        if (jeton is null)
        {
            return false;
        }
        jeton.RevoqueLeUtc ??= horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        cache.Remove("jeton-api:" + jeton.Empreinte);
        return true;
    }

    private static string Empreinte(string valeur) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(valeur)));
}
