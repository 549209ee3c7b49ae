using System.Globalization;

namespace OpenCpts.Web.Infrastructure.Audit;

/// <summary>
/// Every refusal leaves a trace: a 403 from any page, partial, API or download, and a 401 to a caller that
/// presented credentials (a wrong, expired or revoked API token), is written to the audit journal with who,
/// what and from where. Features that refuse with their own entry (action "Refus", often answering 404 so
/// that an outsider cannot tell a forbidden object from a missing one) are not logged twice.
/// </summary>
public sealed class JournalRefusMiddleware(RequestDelegate suivant)
{
    private const string Cle = "OpenCpts.Audit.RefusEnregistre";

    public async Task InvokeAsync(HttpContext contexte, JournalAudit journal)
    {
        await suivant(contexte);
        var statut = contexte.Response.StatusCode;
        var refus = statut == StatusCodes.Status403Forbidden
            || (statut == StatusCodes.Status401Unauthorized && contexte.Request.Headers.Authorization.Count > 0);
        if (!refus || DejaEnregistre(contexte))
        {
            return;
        }
        Marquer(contexte);
        var chemin = contexte.Request.Path.Value ?? "";
        await journal.EnregistrerAsync("Refus", EstApi(contexte) ? "Api" : "Page", chemin.Length <= 50 ? chemin : chemin[..50],
            $"{contexte.Request.Method} {chemin} → {statut.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Called by <see cref="JournalAudit"/> when a feature writes its own refusal.</summary>
    internal static void Marquer(HttpContext contexte) => contexte.Items[Cle] = true;

    private static bool DejaEnregistre(HttpContext contexte) => contexte.Items.ContainsKey(Cle);

    private static bool EstApi(HttpContext contexte) =>
        contexte.Request.Path.StartsWithSegments("/api") || contexte.Request.Path.StartsWithSegments("/fhir");
}
