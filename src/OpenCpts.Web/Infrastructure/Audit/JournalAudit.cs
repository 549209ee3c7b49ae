using System.Security.Claims;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Audit;

/// <summary>
/// Writes the audit trail (see <see cref="EntreeAudit"/>): who, what, when, from where, how authenticated.
/// Each entry is saved at once in its own unit of work (a separate context): it never flushes the caller's
/// pending changes, and a later failure or rollback of the request does not erase it.
/// </summary>
public sealed class JournalAudit(OpenCptsDb db, IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider horloge, ILogger<JournalAudit> logger)
{
    /// <summary>Records an act of the current user.</summary>
    public Task EnregistrerAsync(string action, string ressource, string ressourceId, string? detail = null, CancellationToken ct = default) =>
        EnregistrerAsync(action, ressource, ressourceId, detail, patientId: null, ct);

    /// <summary>Records an act on data of a pathway patient (listed by <c>GET /api/audit?patientId=</c>).</summary>
    public Task EnregistrerAsync(string action, string ressource, string ressourceId, string? detail, long? patientId, CancellationToken ct = default) =>
        EcrireAsync(action, ressource, ressourceId, detail, patientId, [db.Perimetre.CptsId]);

    /// <summary>
    /// Records an act about an account that happens outside any CPTS (its sign-in): one entry in the journal of each
    /// CPTS the account belongs to, so that each Coordination sees its own members' sign-ins; one platform entry when
    /// it belongs to none (an unknown address).
    /// </summary>
    public Task EnregistrerPourCptsAsync(IReadOnlyCollection<int> cpts, string action, string ressource, string ressourceId, string? detail) =>
        EcrireAsync(action, ressource, ressourceId, detail, null, cpts.Count == 0 ? [null] : [.. cpts.Select(c => (int?)c)]);

    private async Task EcrireAsync(string action, string ressource, string ressourceId, string? detail, long? patientId, IReadOnlyList<int?> cpts)
    {
        // The entry goes through another connection: on SQLite it would wait forever for the caller's write
        // transaction, and on any provider it would outlive a rollback the caller may still do. Audit after commit.
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Le journal d'audit s'écrit après la transaction en cours (validez-la d'abord).");
        }
        var contexte = http.HttpContext;
        if (action == "Refus" && contexte is not null)
        {
            JournalRefusMiddleware.Marquer(contexte);
        }
        // CancellationToken.None: a client that disconnects must not cancel the trace of what it was shown.
        await using var scope = scopes.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<OpenCptsDb>();
        // Each entry names its CPTS (or none: a platform act); the writing scope is not a request's.
        journal.Perimetre.OuvrirToutes();
        EntreeAudit? entree = null;
        foreach (var cptsId in cpts)
        {
            entree = Decrire(contexte);
            entree.HorodatageUtc = horloge.GetUtcNow().UtcDateTime;
            entree.Action = action;
            entree.Ressource = Tronquer(ressource, 50)!;
            entree.RessourceId = Tronquer(ressourceId, 50)!;
            entree.Detail = Tronquer(detail ?? contexte?.Request.Path.Value, 200);
            entree.PatientId = patientId;
            entree.CptsId = cptsId;
            journal.EntreesAudit.Add(entree);
        }
        await journal.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Audit {Action} {Ressource} {RessourceId} par {Utilisateur} ({Methode}, {Adresse})",
            action, ressource, ressourceId, entree?.Utilisateur, entree?.MethodeAuthentification, entree?.AdresseIp);
    }

    /// <summary>Who acts now, as audit entries name him ("(système)" outside a request).</summary>
    public string Auteur() => Decrire(http.HttpContext).Utilisateur;

    /// <summary>Shortcut for a read.</summary>
    public Task LectureAsync(string ressource, string ressourceId, CancellationToken ct = default) =>
        EnregistrerAsync("Lecture", ressource, ressourceId, null, ct);

    /// <summary>Who is calling, from where and how he was authenticated (without the act itself).</summary>
    internal static EntreeAudit Decrire(HttpContext? contexte)
    {
        if (contexte is null)
        {
            return new EntreeAudit { Utilisateur = "(système)", MethodeAuthentification = MethodesAuthentification.Systeme };
        }
        var principal = contexte.User;
        var connecte = principal.Identity?.IsAuthenticated == true;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        return new EntreeAudit
        {
            UtilisateurId = connecte ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            Utilisateur = Tronquer(connecte ? principal.Identity?.Name ?? "(inconnu)" : "(anonyme)", 256)!,
            Roles = roles.Count == 0 ? null : Tronquer(string.Join(',', roles), 200),
            AdresseIp = contexte.Connection.RemoteIpAddress?.ToString(),
            AgentUtilisateur = Tronquer(contexte.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null, 300),
            MethodeAuthentification = connecte ? Methode(principal) : MethodesAuthentification.Anonyme,
        };
    }

    /// <summary>The authentication method of a signed-in principal, from its claims and scheme.</summary>
    public static string Methode(ClaimsPrincipal principal)
    {
        var amr = principal.FindAll("amr").Select(c => c.Value).ToList();
        if (amr.Contains("jeton"))
        {
            return principal.FindFirstValue("jeton_id") is { } id ? $"{MethodesAuthentification.JetonApi}:{id}" : MethodesAuthentification.JetonApi;
        }
        if (amr.Contains("mfa"))
        {
            return MethodesAuthentification.DeuxFacteurs;
        }
        if (principal.Identity?.AuthenticationType == Features.Sas.Regulateurs.ConnexionRegulateurSas.Schema)
        {
            return MethodesAuthentification.LienSas;
        }
        return MethodesAuthentification.MotDePasse;
    }

    private static string? Tronquer(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
