using System.Diagnostics;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;

namespace OpenCpts.Web.Infrastructure.Fhir;

/// <summary>An unhandled exception under /fhir: a 500 OperationOutcome (code exception) with the trace id, nothing of
/// the exception. The SAS platform reads FHIR, not ProblemDetails or an HTML page.</summary>
public sealed class ErreurFhir : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Infrastructure.Web.Erreurs.CheminEnErreur(httpContext).StartsWithSegments("/fhir"))
        {
            return false;
        }
        var trace = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        await ReponsesFhir.EcrireAsync(httpContext, ReponsesFhir.Issue(OperationOutcome.IssueType.Exception,
            $"Erreur interne du serveur (trace {trace}).", $"Internal server error (trace {trace})."), StatusCodes.Status500InternalServerError);
        return true;
    }
}
