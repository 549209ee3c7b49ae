namespace OpenCpts.Web.Features.Annuaire;

/// <summary>Page sizes shared by the directory pages, the export and the API.</summary>
public static class Pagination
{
    public const int TailleParDefaut = 20;
    public const int TailleMax = 200;
}

/// <summary>One page of search results with the total number of matches.</summary>
public sealed record ResultatsRecherche<T>(IReadOnlyList<T> Elements, int Total, int Page, int TaillePage)
{
    public int NombrePages => Total == 0 ? 1 : (Total + TaillePage - 1) / TaillePage;
}

/// <summary>How civilities are shown.</summary>
public static class Civilites
{
    /// <summary>"Dr Marie Dupont" from the practice title (TRE_R11 DR/PR) and the names.</summary>
    public static string NomAffiche(string? civiliteExercice, string prenom, string nom) =>
        (civiliteExercice switch { "DR" => "Dr ", "PR" => "Pr ", _ => "" }) + $"{prenom} {nom}".Trim();

    /// <summary>The civility column of the export: the practice title when there is one, else M./Mme.</summary>
    public static string Libelle(string? civiliteExercice, string? civilite) => civiliteExercice switch
    {
        "DR" => "Dr",
        "PR" => "Pr",
        _ => civilite switch
        {
            "M" => "M.",
            "MME" => "Mme",
            _ => civilite ?? "",
        },
    };
}
