using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;

namespace OpenCpts.Tests.Features.MedecinTraitant.Priorite;

public class CalculerPrioriteTests
{
    private static readonly DateTime Inscription = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_criterion_adds_its_own_weight()
    {
        var poids = new PonderationPriorite { PoidsAld = 30, PoidsPlus70 = 20 };

        var total = CalculerPriorite.Total(poids, CriteresPriorite.Ald | CriteresPriorite.Plus70, Inscription, Inscription);

        Assert.Equal(50, total);
    }

    [Fact]
    public void Full_months_of_waiting_add_points_and_partial_ones_do_not()
    {
        var poids = new PonderationPriorite { PoidsParMoisAttente = 5 };

        Assert.Equal(0, CalculerPriorite.Total(poids, CriteresPriorite.Aucun, Inscription, Inscription.AddDays(30)));
        Assert.Equal(5, CalculerPriorite.Total(poids, CriteresPriorite.Aucun, Inscription, new DateTime(2026, 2, 15, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(15, CalculerPriorite.Total(poids, CriteresPriorite.Aucun, Inscription, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Changed_weights_change_the_score()
    {
        var defaut = new PonderationPriorite();
        var ajuste = new PonderationPriorite { PoidsGrossesse = 100 };

        Assert.Equal(25, CalculerPriorite.Total(defaut, CriteresPriorite.Grossesse, Inscription, Inscription));
        Assert.Equal(100, CalculerPriorite.Total(ajuste, CriteresPriorite.Grossesse, Inscription, Inscription));
    }

    [Fact]
    public void The_explanation_lists_every_point_and_sums_to_the_total()
    {
        var poids = new PonderationPriorite();
        var maintenant = new DateTime(2026, 4, 20, 0, 0, 0, DateTimeKind.Utc);

        var score = CalculerPriorite.Expliquer(poids, CriteresPriorite.Ald | CriteresPriorite.Precarite, Inscription, maintenant);

        Assert.Equal(["Affection de longue durée (ALD)", "Précarité (CSS / AME)", "3 mois d'attente"], score.Detail.Select(d => d.Libelle));
        Assert.Equal(CalculerPriorite.Total(poids, CriteresPriorite.Ald | CriteresPriorite.Precarite, Inscription, maintenant), score.Total);
        Assert.Equal(30 + 15 + 15, score.Total);
    }

    [Fact]
    public void A_clock_before_registration_counts_no_waiting()
    {
        Assert.Equal(0, CalculerPriorite.MoisAttente(Inscription, Inscription.AddDays(-3)));
    }
}
