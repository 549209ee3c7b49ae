using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace OpenCpts.Web.Infrastructure.Fhir;

/// <summary>Writes FHIR resources as <c>application/fhir+json</c>, and the OperationOutcomes of errors.</summary>
public static class ReponsesFhir
{
    public const string TypeContenu = "application/fhir+json; charset=utf-8";

    /// <summary>Firely's System.Text.Json integration (SDK 6), compact output.</summary>
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    public static IResult Ressource(Resource ressource, int statut = StatusCodes.Status200OK) => new ResultatFhir(ressource, statut);

    public static IResult Erreur(int statut, OperationOutcome.IssueType code, string francais, string anglais) =>
        new ResultatFhir(Issue(code, francais, anglais), statut);

    public static IResult Invalide(string francais, string anglais) =>
        Erreur(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, francais, anglais);

    public static IResult NonPrisEnCharge(string francais, string anglais) =>
        Erreur(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported, francais, anglais);

    public static IResult Introuvable(string type, string id) =>
        Erreur(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
            $"Ressource {type}/{id} introuvable.", $"Resource {type}/{id} not found.");

    public static OperationOutcome Issue(OperationOutcome.IssueType code, string francais, string anglais) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = $"{francais} / {anglais}",
            },
        ],
    };

    public static Task EcrireAsync(HttpContext http, Resource ressource, int statut)
    {
        http.Response.StatusCode = statut;
        http.Response.ContentType = TypeContenu;
        return JsonSerializer.SerializeAsync(http.Response.Body, ressource, ressource.GetType(), Json, http.RequestAborted);
    }

    private sealed class ResultatFhir(Resource ressource, int statut) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => EcrireAsync(httpContext, ressource, statut);
    }
}
