using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Equipe;

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
    public static void Mapper(WebApplication app)
    {
        app.MapGet("/api/audit", ListerAsync)
            .RequireAuthorization(Comptes.Comptes.PolitiqueCoordination)
            .WithTags("Parcours — journal d'audit")
            .WithName("JournalAuditPatient")
            .WithSummary("Les accès aux données d'un patient suivi")
            .WithDescription("Coordination seulement. Qui a consulté ou modifié quoi, et quand, pour le patient `patientId` (refus compris), " +
                "les plus récents d'abord, paginés (`page`, `pageSize`). 400 si `patientId` manque ou n'est pas un identifiant.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<PageApi<EntreeAuditApi>>, ValidationProblem>> ListerAsync(
        string? patientId, int? page, int? pageSize, OpenCptsDb db, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        if (!long.TryParse(patientId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            erreurs["patientId"] = ["Indiquez l'identifiant du patient (nombre entier positif) : /api/audit?patientId=123."];
        }
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres invalides");
        }
        var requete = db.EntreesAudit.AsNoTracking()
            .Where(e => e.PatientId == id)
            .OrderByDescending(e => e.HorodatageUtc).ThenByDescending(e => e.Id)
            .Select(e => new EntreeAuditApi(e.HorodatageUtc, e.Utilisateur, e.Action, e.Ressource, e.RessourceId, e.Detail, e.Roles, e.AdresseIp,
                e.MethodeAuthentification, e.AgentUtilisateur));
        var resultat = await PaginationApi.PaginerAsync(requete, numero, taille, ct);
        return TypedResults.Ok(resultat with
        {
            Items = [.. resultat.Items.Select(e => e with { Horodatage = DateTime.SpecifyKind(e.Horodatage, DateTimeKind.Utc) })],
        });
    }
}
