using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Sas.Fhir;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Sas.Regulateurs;

public abstract record ResultatLienSas
{
    private ResultatLienSas() { }

    public sealed record Cree(string Url, DateTime ExpireLeUtc) : ResultatLienSas;
    /// <summary>No account for this identifier, or its habilitation was withdrawn.</summary>
    public sealed record RegulateurInconnu : ResultatLienSas;
    public sealed record CreneauInconnu : ResultatLienSas;
}

/// <summary>
/// How a SAS regulator gets into the booking page without an account made by hand (docs/adr/0003): the SAS platform,
/// authenticated, asks for a link for one of its regulators and one slot; the link signs him in once, within
/// <see cref="OptionsSas.DureeLienConnexionSecondes"/>, into a session of the /sas pages only.
/// </summary>
public sealed class ConnexionRegulateurSas(OpenCptsDb db, IOptions<OptionsSas> options, TimeProvider horloge)
{
    /// <summary>Cookie scheme of the regulators' sessions (path /sas).</summary>
    public const string Schema = "RegulateurSas";
    public const string Role = "RegulateurSas";
    public const string RevendicationCompte = "opencpts:regulateur-sas";

    public async Task<ResultatLienSas> CreerLienAsync(string systeme, string valeur, long creneauId, string baseUrl, CancellationToken ct = default)
    {
        var compteId = await db.ComptesRegulateursSas
            .Where(c => c.Actif && (systeme == RessourcesSas.SystemeIdnps ? c.IdentifiantNational == valeur : c.IdentifiantSas == valeur))
            .Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        if (compteId is null)
        {
            return new ResultatLienSas.RegulateurInconnu();
        }
        if (!await db.CreneauxSnp.AnyAsync(c => c.Id == creneauId, ct))
        {
            return new ResultatLienSas.CreneauInconnu();
        }
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var jeton = new JetonConnexionSas
        {
            Empreinte = Empreinte(secret),
            CompteRegulateurSasId = compteId.Value,
            CreneauSnpId = creneauId,
            CreeLeUtc = maintenant,
            ExpireLeUtc = maintenant.AddSeconds(options.Value.DureeLienConnexionSecondes),
        };
        db.JetonsConnexionSas.Add(jeton);
        await db.SaveChangesAsync(ct);
        var creneau = creneauId.ToString(CultureInfo.InvariantCulture);
        return new ResultatLienSas.Cree($"{baseUrl.TrimEnd('/')}/sas/connexion?jeton={secret}&creneau={creneau}", jeton.ExpireLeUtc);
    }

    /// <summary>Consumes the link: the principal of the regulator's session, or null when the link is unknown, used,
    /// expired, for another slot, or its regulator was deactivated since.</summary>
    public async Task<ClaimsPrincipal?> ConsommerAsync(string? secret, long creneauId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var empreinte = Empreinte(secret);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // Single use by a conditional update: of two concurrent uses only one changes the row.
        var consomme = await db.JetonsConnexionSas
            .Where(j => j.Empreinte == empreinte && j.UtiliseLeUtc == null && j.ExpireLeUtc > maintenant && j.CreneauSnpId == creneauId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UtiliseLeUtc, maintenant), ct);
        if (consomme == 0)
        {
            return null;
        }
        var compte = await (
            from j in db.JetonsConnexionSas
            join c in db.ComptesRegulateursSas on j.CompteRegulateurSasId equals c.Id
            where j.Empreinte == empreinte && c.Actif
            select c).AsNoTracking().FirstOrDefaultAsync(ct);
        if (compte is null)
        {
            return null;
        }
        var identifiant = compte.Identifiant();
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"{compte.Prenom} {compte.Nom}"),
            new Claim(ClaimTypes.Role, Role),
            new Claim(RevendicationCompte, compte.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.NameIdentifier, $"{identifiant.Systeme}|{identifiant.Valeur}"),
        ], Schema));
    }

    /// <summary>The regulator account id of a SAS session, or null.</summary>
    public static long? CompteId(ClaimsPrincipal? principal) =>
        principal?.FindFirst(RevendicationCompte)?.Value is { } v && long.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Empreinte(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] octets) => Convert.ToBase64String(octets).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
