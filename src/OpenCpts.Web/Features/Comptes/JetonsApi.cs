using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>A token just created: the clear value is given once and never stored.</summary>
public sealed record JetonCree(int Id, string Valeur);

/// <summary>A token as listed on the profile page: never its value, only its prefix.</summary>
public sealed record JetonResume(int Id, string Nom, string Prefixe, DateTime CreeLeUtc, DateTime? DernierUsageUtc, DateTime? RevoqueLeUtc, DateTime ExpireLeUtc)
{
    public bool Revoque => RevoqueLeUtc is not null;
}

/// <summary>A token that authenticates: its id (claim <c>jeton_id</c>), its owner and the owner's current stamp.</summary>
public sealed record JetonValide(int Id, string UtilisateurId, string TamponSecurite);

/// <summary><c>OpenCpts:Api</c>: settings of the personal API tokens.</summary>
public sealed class OptionsApi
{
    /// <summary>Lifetime of a new token, in days (default 90).</summary>
    [Range(1, 3650)]
    public int DureeJetonsJours { get; set; } = 90;
}

/// <summary>Creates, checks and revokes personal API tokens (stored as SHA-256 hashes).</summary>
public sealed class JetonsApi(OpenCptsDb db, TimeProvider horloge, IMemoryCache cache, Microsoft.Extensions.Options.IOptions<OptionsApi> options)
{
    /// <summary>How long the roles and claims of a token's owner are kept in memory. Validity itself (revocation,
    /// expiry, security stamp, lockout) is read from the database on every call, so a stale token fails at once;
    /// only a role change may take this long to show.</summary>
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
            .Select(j => new JetonResume(j.Id, j.Nom, j.Prefixe, j.CreeLeUtc, j.DernierUsageUtc, j.RevoqueLeUtc, j.ExpireLeUtc))
            .ToListAsync(ct);

    public async Task<JetonCree> CreerAsync(string utilisateurId, string nom, CancellationToken ct = default)
    {
        if (ErreurNom(nom) is { } erreur)
        {
            throw new ArgumentException(erreur, nameof(nom));
        }
        var tampon = await db.Users.Where(u => u.Id == utilisateurId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct)
            ?? throw new ArgumentException("Compte inconnu.", nameof(utilisateurId));
        var valeur = PrefixeJeton + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var jeton = new JetonApi
        {
            UtilisateurId = utilisateurId,
            Nom = nom.Trim(),
            Prefixe = valeur[..12],
            Empreinte = Empreinte(valeur),
            CreeLeUtc = maintenant,
            ExpireLeUtc = maintenant.AddDays(options.Value.DureeJetonsJours),
            TamponSecurite = tampon,
        };
        db.JetonsApi.Add(jeton);
        await db.SaveChangesAsync(ct);
        return new JetonCree(jeton.Id, valeur);
    }

    /// <summary>A token that is unrevoked, unexpired, issued under the owner's current security stamp, of an
    /// account not locked out; records its last use. One query: it runs on every API call.</summary>
    public async Task<JetonValide?> ValiderAsync(string valeur, CancellationToken ct = default)
    {
        if (!valeur.StartsWith(PrefixeJeton, StringComparison.Ordinal) || valeur.Length > 100)
        {
            return null;
        }
        var empreinte = Empreinte(valeur);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var jeton = await db.JetonsApi.AsNoTracking()
            .Where(j => j.Empreinte == empreinte && j.RevoqueLeUtc == null && j.ExpireLeUtc > maintenant)
            .Join(db.Users, j => j.UtilisateurId, u => u.Id, (j, u) => new { j.Id, j.UtilisateurId, j.DernierUsageUtc, j.TamponSecurite, u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        // Lockout is compared here: SQLite cannot compare DateTimeOffset values in SQL.
        if (jeton is null || jeton.SecurityStamp is null || jeton.TamponSecurite != jeton.SecurityStamp
            || (jeton.LockoutEnabled && jeton.LockoutEnd is { } fin && fin > horloge.GetUtcNow()))
        {
            return null;
        }
        if (jeton.DernierUsageUtc is not { } dernier || maintenant - dernier >= PrecisionDernierUsage)
        {
            await db.JetonsApi.Where(j => j.Id == jeton.Id).ExecuteUpdateAsync(m => m.SetProperty(j => j.DernierUsageUtc, maintenant), ct);
        }
        return new JetonValide(jeton.Id, jeton.UtilisateurId, jeton.SecurityStamp);
    }

    /// <summary>Key of the authenticated principal of a token in the memory cache.</summary>
    public static string CleCache(string valeur, string tamponSecurite) => "jeton-api:" + Empreinte(valeur) + ":" + tamponSecurite;

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
        cache.Remove("jeton-api:" + jeton.Empreinte + ":" + jeton.TamponSecurite);
        return true;
    }

    private static string Empreinte(string valeur) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(valeur)));
}
