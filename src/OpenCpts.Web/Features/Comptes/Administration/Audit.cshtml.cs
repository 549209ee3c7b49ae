using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Exports;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>The audit trail of accesses to health data, for the Coordination: filter, page, export.</summary>
[Authorize(Policy = Comptes.PolitiqueCoordination)]
public class AuditModel(OpenCptsDb db) : PageModel
{
    public const int TaillePage = 50;

    [BindProperty(SupportsGet = true)]
    public string? Utilisateur { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Ressource { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RessourceId { get; set; }

    /// <summary>A pathway patient: every access to his data (file, thread, plans, refusals).</summary>
    [BindProperty(SupportsGet = true)]
    public long? PatientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int Numero { get; set; } = 1;

    public IReadOnlyList<EntreeAudit> Entrees { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Ressources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Numero = Math.Max(1, Numero);
        var requete = Filtrer();
        Total = await requete.CountAsync(ct);
        Entrees = await requete.OrderByDescending(e => e.HorodatageUtc).ThenByDescending(e => e.Id)
            .Skip((Numero - 1) * TaillePage).Take(TaillePage).AsNoTracking().ToListAsync(ct);
        Ressources = await db.EntreesAudit.Select(e => e.Ressource).Distinct().OrderBy(r => r).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var entrees = await Filtrer().OrderBy(e => e.HorodatageUtc).ThenBy(e => e.Id).AsNoTracking().ToListAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"journal-audit.csv\"";
        await Tableur.EcrireCsvAsync(Response.Body, ["Date (heure de Paris)", "Utilisateur", "Action", "Ressource", "Identifiant", "Détail", "Rôles", "Patient", "Adresse IP", "Authentification", "Navigateur"],
            entrees.Select(e => (IReadOnlyList<object?>)[Affichage.DateHeure(e.HorodatageUtc), e.Utilisateur, e.Action, e.Ressource, e.RessourceId, e.Detail,
                e.Roles, e.PatientId, e.AdresseIp, e.MethodeAuthentification, e.AgentUtilisateur]), ct);
        return new EmptyResult();
    }

    private IQueryable<EntreeAudit> Filtrer()
    {
        var requete = db.EntreesAudit.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Utilisateur))
        {
            var u = Utilisateur.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): the same on both providers
            requete = requete.Where(e => e.Utilisateur.ToLower().Contains(u));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(Ressource))
        {
            requete = requete.Where(e => e.Ressource == Ressource);
        }
        if (!string.IsNullOrWhiteSpace(RessourceId))
        {
            requete = requete.Where(e => e.RessourceId == RessourceId.Trim());
        }
        if (PatientId is { } patient)
        {
            requete = requete.Where(e => e.PatientId == patient);
        }
        return requete;
    }
}
