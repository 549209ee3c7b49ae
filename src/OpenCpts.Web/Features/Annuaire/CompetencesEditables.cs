namespace OpenCpts.Web.Features.Annuaire;

/// <summary>Model of the skills fragment (<c>_Competences.cshtml</c>), shared by a professional's page and /annuaire/moi.</summary>
/// <param name="Action">URL the add/remove forms post to (the handler is added as <c>?handler=</c>).</param>
public sealed record CompetencesEditables(string Action, IReadOnlyList<FicheCompetence> Competences, bool Modifiable, string? Message = null, bool Erreur = false);

/// <summary>Model of the membership fragment (<c>_Adhesion.cshtml</c>).</summary>
public sealed record AdhesionAffichee(string Rpps, bool Membre, DateOnly? Depuis, bool Modifiable);
