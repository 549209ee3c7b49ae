namespace OpenCpts.Web.Infrastructure.Validation;

/// <summary>
/// The one shape of validation errors a use case returns: field key → French messages. Keys are the names of the
/// use case's input (<c>Nom</c>, <c>DateNaissance</c>, <c>Patient.Ins</c>); <see cref="ErreursVersWeb"/> turns them into
/// page property names for <c>ModelState</c> and JSON names for <c>ValidationProblem</c>. The empty key is the whole form.
/// </summary>
public sealed class ErreursValidation : Dictionary<string, string[]>
{
    public ErreursValidation() : base(StringComparer.Ordinal) { }

    public ErreursValidation(IEnumerable<KeyValuePair<string, string[]>> erreurs) : base(erreurs, StringComparer.Ordinal) { }

    /// <summary>Adds a message to a field, after the ones it already has.</summary>
    public void Ajouter(string champ, string message) =>
        this[champ] = TryGetValue(champ, out var deja) ? [.. deja, message] : [message];

    /// <summary>
    /// Adds the errors of another validation, keys under <paramref name="prefixe"/> ("Patient" → "Patient.Nom"). A field
    /// that already has an error keeps it: the caller's own reading of a value ("not a date") says more than "required".
    /// </summary>
    public void AjouterTout(IReadOnlyDictionary<string, string[]> autres, string? prefixe = null)
    {
        foreach (var (champ, messages) in autres)
        {
            TryAdd(Prefixer(prefixe, champ), messages);
        }
    }

    internal static string Prefixer(string? prefixe, string champ) =>
        string.IsNullOrEmpty(prefixe) ? champ : champ.Length == 0 ? prefixe : prefixe + "." + champ;
}
