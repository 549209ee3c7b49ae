using Microsoft.Extensions.Options;

namespace OpenCpts.Tests.Infrastructure.Configuration;

public class OptionsValideesTests
{
    private static IEnumerable<Exception> Chaine(Exception e) => e switch
    {
        AggregateException a => a.InnerExceptions.SelectMany(Chaine).Prepend(e),
        { InnerException: { } interne } => Chaine(interne).Prepend(e),
        _ => [e],
    };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_misconfigured_setting_stops_the_start_with_a_message_naming_it(Fournisseur fournisseur)
    {
        var erreur = await Assert.ThrowsAnyAsync<Exception>(() => OpenCptsApp.DemarrerAsync(fournisseur,
            parametres: new Dictionary<string, string?> { ["OpenCpts:Connexion:TentativesParAdresse"] = "0" }, hotePropre: true));

        var validation = Chaine(erreur).OfType<OptionsValidationException>().First();
        Assert.Contains("OptionsConnexion", validation.Message, StringComparison.Ordinal);
        Assert.Contains("TentativesParAdresse", validation.Message, StringComparison.Ordinal);
    }
}
