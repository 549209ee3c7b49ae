using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;

namespace OpenCpts.Web.Features.MedecinTraitant.Priorite;

/// <summary>One line of the explanation of a score: what counted and for how many points.</summary>
public sealed record PointsPriorite(string Libelle, int Points);

/// <summary>A patient's priority score and why: the list is sorted by <see cref="Total"/>, the page shows <see cref="Detail"/>.</summary>
public sealed record ScorePriorite(int Total, IReadOnlyList<PointsPriorite> Detail);

/// <summary>
/// Priority of a waiting patient: the weight of each criterion he has, plus points per full month of waiting, so that
/// nobody waits forever behind newer urgent cases. Pure: the list, the matching and the API all use this one rule.
/// </summary>
public static class CalculerPriorite
{
    public static int Poids(PonderationPriorite poids, CriteresPriorite critere) => critere switch
    {
        CriteresPriorite.Ald => poids.PoidsAld,
        CriteresPriorite.Plus70 => poids.PoidsPlus70,
        CriteresPriorite.Moins16 => poids.PoidsMoins16,
        CriteresPriorite.Grossesse => poids.PoidsGrossesse,
        CriteresPriorite.Handicap => poids.PoidsHandicap,
        CriteresPriorite.Precarite => poids.PoidsPrecarite,
        CriteresPriorite.SortieHospitalisation => poids.PoidsSortieHospitalisation,
        CriteresPriorite.TraitementChronique => poids.PoidsTraitementChronique,
        _ => 0,
    };

    /// <summary>Full calendar months waited: registered on 15 January, one month on 15 February (AddMonths clamps month ends).</summary>
    public static int MoisAttente(DateTime inscritLeUtc, DateTime maintenantUtc)
    {
        if (maintenantUtc <= inscritLeUtc)
        {
            return 0;
        }
        var mois = (maintenantUtc.Year - inscritLeUtc.Year) * 12 + maintenantUtc.Month - inscritLeUtc.Month;
        if (inscritLeUtc.AddMonths(mois) > maintenantUtc)
        {
            mois--;
        }
        return Math.Max(0, mois);
    }

    public static int Total(PonderationPriorite poids, CriteresPriorite criteres, DateTime inscritLeUtc, DateTime maintenantUtc)
    {
        var total = 0;
        foreach (var (critere, _, _) in Criteres.Tous)
        {
            if (criteres.HasFlag(critere))
            {
                total += Poids(poids, critere);
            }
        }
        return total + poids.PoidsParMoisAttente * MoisAttente(inscritLeUtc, maintenantUtc);
    }

    public static ScorePriorite Expliquer(PonderationPriorite poids, CriteresPriorite criteres, DateTime inscritLeUtc, DateTime maintenantUtc)
    {
        var detail = new List<PointsPriorite>();
        foreach (var (critere, _, libelle) in Criteres.Tous)
        {
            if (criteres.HasFlag(critere))
            {
                detail.Add(new(libelle, Poids(poids, critere)));
            }
        }
        var mois = MoisAttente(inscritLeUtc, maintenantUtc);
        if (mois > 0)
        {
            detail.Add(new($"{mois} mois d'attente", poids.PoidsParMoisAttente * mois));
        }
        return new(detail.Sum(d => d.Points), detail);
    }
}
