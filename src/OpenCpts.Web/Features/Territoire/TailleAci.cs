namespace OpenCpts.Web.Features.Territoire;

/// <summary>
/// ACI size class of a CPTS from the population of its territory (accord conventionnel
/// interprofessionnel, art. 8): the class sets the funding of each mission.
/// </summary>
public static class TailleAci
{
    /// <summary>1: &lt; 40 000 inhabitants; 2: 40 000 – 80 000; 3: 80 000 – 175 000; 4: &gt; 175 000.</summary>
    public static int Calculer(long population) => population switch
    {
        < 40_000 => 1,
        < 80_000 => 2,
        <= 175_000 => 3,
        _ => 4,
    };

    public static string Libelle(int taille) => taille switch
    {
        1 => "Taille 1 (moins de 40 000 habitants)",
        2 => "Taille 2 (40 000 à 80 000 habitants)",
        3 => "Taille 3 (80 000 à 175 000 habitants)",
        4 => "Taille 4 (plus de 175 000 habitants)",
        _ => throw new ArgumentOutOfRangeException(nameof(taille)),
    };
}
