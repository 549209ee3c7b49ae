using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <param name="Horodatage">Date et heure de l'accès, ISO 8601 UTC.</param>
/// <param name="Utilisateur">E-mail du compte au moment de l'accès.</param>
/// <param name="Action">Lecture, Creation, Modification, Export ou Refus (accès refusé).</param>
/// <param name="Ressource">Donnée consultée : DossierPatient, FilEquipe, PlanSortie, PieceJointe…</param>
/// <param name="RessourceId">Identifiant de la donnée.</param>
/// <param name="Detail">Page ou point d'API, sans donnée de santé.</param>
/// <param name="Roles">Rôles du compte au moment de l'accès, séparés par des virgules.</param>
/// <param name="AdresseIp">Adresse du client.</param>
/// <param name="MethodeAuthentification">mot de passe, double authentification, jeton d'API:ID ou lien SAS.</param>
/// <param name="AgentUtilisateur">Navigateur ou client (en-tête User-Agent).</param>
public sealed record EntreeAuditApi(DateTime Horodatage, string Utilisateur, string Action, string Ressource, string RessourceId, string? Detail,
    string? Roles, string? AdresseIp, string? MethodeAuthentification, string? AgentUtilisateur);

/// <summary>GET /api/audit?patientId=: every access to one pathway patient's data, for the Coordination.</summary>
internal static class ApiAuditPatient
{
    public const int Maximum = 10_000;

    public static void Mapper(WebApplication app)
    {
        app.MapGet("/api/audit", ListerAsync)
            .RequireAuthorization(Comptes.Comptes.PolitiqueCoordination)
            .WithTags("Parcours — journal d'audit")
            .WithName("JournalAuditPatient")
            .WithSummary("Les accès aux données d'un patient suivi")
            .WithDescription("Coordination seulement. Qui a consulté ou modifié quoi, et quand, pour le patient `patientId` (refus compris), " +
                "les plus récents d'abord (10 000 au plus). 400 si `patientId` manque ou n'est pas un identifiant.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<List<EntreeAuditApi>>, ValidationProblem>> ListerAsync(string? patientId, OpenCptsDb db, CancellationToken ct)
    {
        if (!long.TryParse(patientId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["patientId"] = ["Indiquez l'identifiant du patient (nombre entier positif) : /api/audit?patientId=123."],
            }, title: "Paramètres invalides");
        }
        var entrees = await db.EntreesAudit.AsNoTracking()
            .Where(e => e.PatientId == id)
            .OrderByDescending(e => e.HorodatageUtc).ThenByDescending(e => e.Id)
            .Take(Maximum)
            .Select(e => new { e.HorodatageUtc, e.Utilisateur, e.Action, e.Ressource, e.RessourceId, e.Detail, e.Roles, e.AdresseIp, e.MethodeAuthentification, e.AgentUtilisateur })
            .ToListAsync(ct);
        return TypedResults.Ok(entrees.Select(e => new EntreeAuditApi(DateTime.SpecifyKind(e.HorodatageUtc, DateTimeKind.Utc), e.Utilisateur, e.Action,
            e.Ressource, e.RessourceId, e.Detail, e.Roles, e.AdresseIp, e.MethodeAuthentification, e.AgentUtilisateur)).ToList());
    }
}
