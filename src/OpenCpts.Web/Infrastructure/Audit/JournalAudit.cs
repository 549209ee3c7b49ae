using System.Security.Claims;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Audit;

/// <summary>Writes the audit trail of accesses to health data (see <see cref="EntreeAudit"/>).</summary>
public sealed class JournalAudit(OpenCptsDb db, IHttpContextAccessor http, TimeProvider horloge, ILogger<JournalAudit> logger)
{
    /// <summary>Records an access by the current user and saves it at once, in its own statement, so that a
    /// read is logged even when the page then fails.</summary>
    public Task EnregistrerAsync(string action, string ressource, string ressourceId, string? detail = null, CancellationToken ct = default) =>
        EnregistrerAsync(action, ressource, ressourceId, detail, patientId: null, ct);

    /// <summary>Records an access to data of a pathway patient (listed by <c>GET /api/audit?patientId=</c>).</summary>
    public async Task EnregistrerAsync(string action, string ressource, string ressourceId, string? detail, long? patientId, CancellationToken ct = default)
    {
        var utilisateur = http.HttpContext?.User;
        var entree = new EntreeAudit
        {
            HorodatageUtc = horloge.GetUtcNow().UtcDateTime,
            UtilisateurId = utilisateur?.FindFirstValue(ClaimTypes.NameIdentifier),
            Utilisateur = utilisateur?.Identity?.Name ?? "(système)",
            Action = action,
            Ressource = ressource,
            RessourceId = ressourceId,
            Detail = Tronquer(detail ?? http.HttpContext?.Request.Path.Value, 200),
            PatientId = patientId,
        };
        db.EntreesAudit.Add(entree);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Audit {Action} {Ressource} {RessourceId} par {Utilisateur}", action, ressource, ressourceId, entree.Utilisateur);
    }

    private static string? Tronquer(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    /// <summary>Shortcut for a read.</summary>
    public Task LectureAsync(string ressource, string ressourceId, CancellationToken ct = default) =>
        EnregistrerAsync("Lecture", ressource, ressourceId, null, ct);
}
