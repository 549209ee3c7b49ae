namespace OpenCpts.Web.Infrastructure.Patients;

/// <summary>A patient's identity as typed in a form or sent to an API, not yet validated.</summary>
public sealed record SaisieIdentite(
    string? Nom,
    string? Prenom,
    DateOnly? DateNaissance,
    string? Sexe = null,
    string? Telephone = null,
    string? Email = null,
    string? Ins = null,
    string? CommuneInsee = null);

/// <summary>
/// A patient's identity that passed <see cref="ValiderIdentitePatient"/>: names trimmed, phone in its canonical form
/// (<see cref="NumeroTelephone"/>), INS a NIR with a right key, commune an existing INSEE code. A field a feature does
/// not ask for (<see cref="ExigencesIdentite"/>) may be null.
/// </summary>
public sealed record IdentitePatient(
    string Nom,
    string Prenom,
    DateOnly DateNaissance,
    string? Sexe,
    string? Telephone,
    string? Email,
    string? Ins,
    string? CommuneInsee);

/// <summary>What a feature requires beyond names and birth date, always required.</summary>
[Flags]
public enum ExigencesIdentite
{
    NomEtNaissance = 0,
    Sexe = 1,
    Telephone = 2,
    /// <summary>A phone or an e-mail address, to contact the patient.</summary>
    TelephoneOuEmail = 4,
    CommuneInsee = 8,
}

/// <summary>The error keys of an identity, the same on every form and API (an API adds its JSON prefix, e.g. "patient.ins").</summary>
public static class ChampsIdentite
{
    public const string Nom = nameof(SaisieIdentite.Nom);
    public const string Prenom = nameof(SaisieIdentite.Prenom);
    public const string DateNaissance = nameof(SaisieIdentite.DateNaissance);
    public const string Sexe = nameof(SaisieIdentite.Sexe);
    public const string Telephone = nameof(SaisieIdentite.Telephone);
    public const string Email = nameof(SaisieIdentite.Email);
    public const string Ins = nameof(SaisieIdentite.Ins);
    public const string CommuneInsee = nameof(SaisieIdentite.CommuneInsee);
}
