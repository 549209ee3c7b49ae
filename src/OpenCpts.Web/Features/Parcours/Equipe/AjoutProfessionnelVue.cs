namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>What the "add a professional to the team" partial shows: the page it posts to, the search and its results.</summary>
public sealed record AjoutProfessionnelVue(string Page, string? Recherche, IReadOnlyList<ProfessionnelPropose> Resultats, IReadOnlySet<int> Membres);
