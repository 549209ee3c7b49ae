using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Tests.Infrastructure.Validation;

/// <summary>FINESS and SIRET numbers typed by hand (invented numbers, except the official FINESS example's 010780195).</summary>
public class NumerosStructureTests
{
    [Theory]
    [InlineData("010780195", "010780195")]
    [InlineData(" 18 000 000 2 ", "180000002")]
    [InlineData("2a0000019", "2A0000019")]
    public void A_FINESS_number_with_its_key_is_kept_without_spaces(string saisie, string attendu)
    {
        Assert.Equal(attendu, NumeroFiness.Normaliser(saisie, out var valide));
        Assert.True(valide);
    }

    [Theory]
    [InlineData("180000001")]
    [InlineData("18000000")]
    [InlineData("1800000020")]
    [InlineData("18000000A")]
    [InlineData("2C0000019")]
    public void A_FINESS_number_of_the_wrong_length_or_key_is_refused(string saisie)
    {
        Assert.Null(NumeroFiness.Normaliser(saisie, out var valide));
        Assert.False(valide);
    }

    [Theory]
    [InlineData("123 456 782 00010", "12345678200010")]
    [InlineData("77220148900022", "77220148900022")]
    [InlineData("35600000000010", "35600000000010")]
    public void A_SIRET_with_its_key_is_kept_without_spaces(string saisie, string attendu)
    {
        Assert.Equal(attendu, NumeroSiret.Normaliser(saisie, out var valide));
        Assert.True(valide);
    }

    [Theory]
    [InlineData("12345678200011")]
    [InlineData("1234567820001")]
    [InlineData("1234567820001A")]
    [InlineData("35600000012345")]
    public void A_SIRET_of_the_wrong_length_or_key_is_refused(string saisie)
    {
        Assert.Null(NumeroSiret.Normaliser(saisie, out var valide));
        Assert.False(valide);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_number_is_absent_not_wrong(string? saisie)
    {
        Assert.Null(NumeroFiness.Normaliser(saisie, out var finessValide));
        Assert.Null(NumeroSiret.Normaliser(saisie, out var siretValide));
        Assert.True(finessValide && siretValide);
    }
}
