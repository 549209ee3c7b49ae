using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>
/// GET /parcours/patients/{id}/pieces/{pieceId}: an attachment of the patient's thread, for the members of his team and
/// the Coordination (access checked and written to the audit log, refusals included; a refusal answers 404 like an unknown id). Always sent as a download
/// (Content-Disposition: attachment) with <c>X-Content-Type-Options: nosniff</c>, so that a browser never renders it
/// inside the platform.
/// </summary>
internal static class TelechargerPieceJointe
{
    public const string Ressource = "PieceJointe";

    public static void Mapper(WebApplication app)
    {
        app.MapGet("/parcours/patients/{id:long}/pieces/{pieceId:long}", TelechargerAsync)
            .RequireAuthorization(Parcours.PolitiqueParcours)
            .ExcludeFromDescription();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> TelechargerAsync(
        long id, long pieceId, OpenCptsDb db, AccesPatient acces, ClaimsPrincipal utilisateur, HttpContext http, CancellationToken ct)
    {
        // Unknown patient, patient outside the caller's teams, or attachment of another patient: the same 404.
        if (!await acces.VerifierEtJournaliserAsync(utilisateur, id, Ressource, pieceId.ToString(CultureInfo.InvariantCulture), ct: ct))
        {
            return TypedResults.NotFound();
        }
        var piece = await db.PiecesJointes.AsNoTracking()
            .Where(p => p.Id == pieceId && db.MessagesEquipe.Any(m => m.Id == p.MessageEquipeId && m.PatientParcoursId == id))
            .Select(p => new { p.NomFichier, p.TypeContenu, p.Contenu })
            .FirstOrDefaultAsync(ct);
        if (piece is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(piece.Contenu, piece.TypeContenu, piece.NomFichier);
    }
}
