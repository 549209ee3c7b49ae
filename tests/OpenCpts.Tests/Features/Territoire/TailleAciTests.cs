using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Tests.Features.Territoire;

public class TailleAciTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(39_999, 1)]
    [InlineData(40_000, 2)]
    [InlineData(79_999, 2)]
    [InlineData(80_000, 3)]
    [InlineData(124_000, 3)]
    [InlineData(175_000, 3)]
    [InlineData(175_001, 4)]
    public void Size_class_follows_the_ACI_population_thresholds(long population, int taille) =>
        Assert.Equal(taille, TailleAci.Calculer(population));
}
