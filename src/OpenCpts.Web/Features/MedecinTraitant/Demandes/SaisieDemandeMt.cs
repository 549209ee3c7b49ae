using System.Globalization;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>What a form or the API gives to register a patient on the waiting list (raw, not yet validated).</summary>
public sealed record SaisieDemandeMt(
    string? Nom,
    string? Prenom,
    DateOnly? DateNaissance,
    string? Sexe,
    string? Ins,
    string? Telephone,
    string? Email,
    string? CommuneInsee,
    string? Raison,
    IReadOnlyList<string>? Criteres,
    string? Notes,
    bool ConsentementContact);

/// <summary>A registration that passed validation: trimmed, phone normalised, criteria as a bit set.</summary>
public sealed record DemandeMtValide(
    string Nom, string Prenom, DateOnly DateNaissance, string Sexe, string? Ins, string? Telephone, string? Email,
    string CommuneInsee, string Raison, CriteresPriorite Criteres, string? Notes, bool ConsentementContact)
{
    /// <summary>The key of duplicate detection: "nom prenom" without case nor accents.</summary>
    public string NomNormalise => NormaliserNom(Nom, Prenom);

    public static string NormaliserNom(string nom, string prenom) => Infrastructure.TexteRecherche.Normaliser(nom + " " + prenom);
}

/// <summary>
/// Validation of a waiting-list registration, shared by the forms and the API: the patient's identity through
/// <see cref="ValiderIdentitePatient"/> (sex required, a phone or an e-mail), then what is the list's own: a commune of
/// the CPTS territory, the reason, the criteria and the notes. Errors are keyed by the record's property names.
/// </summary>
public sealed class ValiderDemandeMt(ValiderIdentitePatient identite, CptsCourante cpts)
{
    public const int LongueurNotesMax = 2000;

    public const ExigencesIdentite Exigences = ExigencesIdentite.Sexe | ExigencesIdentite.TelephoneOuEmail | ExigencesIdentite.CommuneInsee;

    public async Task<(DemandeMtValide? Demande, ErreursValidation Erreurs)> ExecuteAsync(SaisieDemandeMt s, CancellationToken ct = default)
    {
        var (patient, erreurs) = await identite.ExecuteAsync(
            new SaisieIdentite(s.Nom, s.Prenom, s.DateNaissance, s.Sexe, s.Telephone, s.Email, s.Ins, s.CommuneInsee), Exigences, ct);

        var commune = s.CommuneInsee?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(commune) && !erreurs.ContainsKey(ChampsIdentite.CommuneInsee) && !(await cpts.CodesCommunesAsync(ct)).Contains(commune))
        {
            erreurs[ChampsIdentite.CommuneInsee] = ["La commune doit être une commune du territoire de la CPTS (code INSEE)."];
        }

        var raison = string.IsNullOrWhiteSpace(s.Raison) ? RaisonsSansMedecin.Autre : s.Raison.Trim();
        if (!RaisonsSansMedecin.Toutes.Contains(raison))
        {
            erreurs[nameof(s.Raison)] = ["Raison inconnue : " + string.Join(", ", RaisonsSansMedecin.Toutes) + "."];
        }

        var criteres = CriteresPriorite.Aucun;
        var inconnus = new List<string>();
        foreach (var code in s.Criteres ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }
            if (Criteres.DepuisCode(code.Trim()) is { } c)
            {
                criteres |= c;
            }
            else
            {
                inconnus.Add(code.Length > 30 ? code[..30] + "…" : code);
            }
        }
        if (inconnus.Count > 0)
        {
            erreurs[nameof(s.Criteres)] = [$"Critère inconnu : {string.Join(", ", inconnus)}. Critères possibles : {string.Join(", ", Criteres.Tous.Select(c => c.Code))}."];
        }

        var notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim();
        if (notes is not null && notes.Length > LongueurNotesMax)
        {
            erreurs[nameof(s.Notes)] = [$"Les notes ne doivent pas dépasser {LongueurNotesMax.ToString(CultureInfo.InvariantCulture)} caractères."];
        }

        return erreurs.Count == 0 && patient is not null
            ? (new DemandeMtValide(patient.Nom, patient.Prenom, patient.DateNaissance, patient.Sexe!, patient.Ins, patient.Telephone, patient.Email,
                patient.CommuneInsee!, raison, criteres, notes, s.ConsentementContact), erreurs)
            : (null, erreurs);
    }
}
