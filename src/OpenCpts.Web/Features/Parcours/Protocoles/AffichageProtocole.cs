namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>How protocol statuses and sizes are shown on pages.</summary>
public static class AffichageProtocole
{
    /// <summary>Bootstrap badge classes of a status.</summary>
    public static string Badge(string statut) => statut switch
    {
        StatutsProtocole.Valide => "text-bg-success",
        StatutsProtocole.Brouillon => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    /// <summary>TRE_G15 labels of the professions, in alphabetical order: "Infirmier, Médecin, Pharmacien".</summary>
    public static string Professions(IEnumerable<string> codes) =>
        string.Join(", ", codes.Select(Infrastructure.Terminologies.Terminologies.Instance.Professions.Libelle)
            .Order(StringComparer.Create(Infrastructure.Web.PlateformeWeb.Francais, true)));

    /// <summary>"240 Ko", "1,2 Mo".</summary>
    public static string Taille(long octets) => octets < 1024 * 1024
        ? Math.Max(1, (int)Math.Round(octets / 1024d)).ToString(Infrastructure.Web.PlateformeWeb.Francais) + " Ko"
        : (octets / 1024d / 1024d).ToString("0.0", Infrastructure.Web.PlateformeWeb.Francais) + " Mo";
}
