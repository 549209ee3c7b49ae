using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenCpts.Web.Infrastructure.Validation;

/// <summary>
/// The two ways out of a validation: to a page's <c>ModelState</c> (keys as C# property names, "patient.nom" →
/// "Patient.Nom") and to an API's <c>ValidationProblem</c> (keys as JSON names, "Patient.Nom" → "patient.nom"),
/// so that a use case keys its errors once and both surfaces name the field the user or the client filled in.
/// </summary>
public static class ErreursVersWeb
{
    /// <summary>
    /// Copies the errors into <paramref name="modelState"/>, a field's messages joined in one entry. <paramref name="prefixe"/>
    /// nests them under a page property ("Saisie"); <paramref name="champs"/> renames the few keys whose form control has
    /// another name (key as a property name → form field, "" for the whole form). The empty key stays the whole form's.
    /// A field the model binder already rejected keeps its own message.
    /// </summary>
    public static void AjouterErreurs(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> erreurs,
        string? prefixe = null, IReadOnlyDictionary<string, string>? champs = null)
    {
        foreach (var (cle, messages) in erreurs)
        {
            var propriete = champs?.GetValueOrDefault(Convertir(cle, EnPropriete)) ?? Convertir(cle, EnPropriete);
            var champ = propriete.Length == 0 ? "" : ErreursValidation.Prefixer(prefixe, propriete);
            if (modelState[champ] is { Errors.Count: > 0 } && champ.Length > 0)
            {
                continue;
            }
            modelState.AddModelError(champ, string.Join(" ", messages));
        }
    }

    /// <summary>The errors as a 400 ProblemDetails, keys in JSON naming under <paramref name="prefixe"/> ("patient").</summary>
    public static ValidationProblem EnProbleme(this IReadOnlyDictionary<string, string[]> erreurs, string titre, string? prefixe = null) =>
        TypedResults.ValidationProblem(
            erreurs.ToDictionary(e => Convertir(ErreursValidation.Prefixer(prefixe, e.Key), JsonNamingPolicy.CamelCase.ConvertName), e => e.Value, StringComparer.Ordinal),
            title: titre);

    /// <summary>"patient.dateNaissance" → "Patient.DateNaissance".</summary>
    public static string EnPropriete(string segment) =>
        segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..];

    private static string Convertir(string cle, Func<string, string> segment) =>
        string.Join('.', cle.Split('.').Select(segment));
}
