using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Tests.Infrastructure.Messages;

public class OptionsSmsTests
{
    private static OptionsSms Lire(Dictionary<string, string?> reglages)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(reglages).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddEnvoiSms().BuildServiceProvider();
        return services.GetRequiredService<IOptions<OptionsSms>>().Value;
    }

    [Fact]
    public void Without_settings_no_provider_is_used() =>
        Assert.Equal((FournisseurSms.Aucun, 3), (Lire([]).Fournisseur, Lire([]).SegmentsMax));

    [Fact]
    public void A_Twilio_setting_left_out_is_named_and_no_secret_is_shown()
    {
        var erreur = Assert.Throws<OptionsValidationException>(() => Lire(new()
        {
            ["OpenCpts:Sms:Fournisseur"] = "Twilio",
            ["OpenCpts:Sms:Twilio:CompteSid"] = "AC-secret-sid",
            ["OpenCpts:Sms:Twilio:Expediteur"] = "CPTS",
        }));

        Assert.Contains("OpenCpts:Sms:Twilio:Jeton", erreur.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AC-secret-sid", erreur.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://passerelle.example.invalid/sms", "Url")]
    [InlineData("https://passerelle.example.invalid/sms?to=numero", "{to} et {text}")]
    public void A_gateway_in_plain_HTTP_or_without_placeholders_stops_the_start(string url, string attendu)
    {
        var erreur = Assert.Throws<OptionsValidationException>(() => Lire(new()
        {
            ["OpenCpts:Sms:Fournisseur"] = "Http",
            ["OpenCpts:Sms:Http:Url"] = url,
            ["OpenCpts:Sms:Http:EnTetes:Authorization"] = "Bearer jeton-secret",
        }));

        Assert.Contains(attendu, erreur.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jeton-secret", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_on_the_machine_itself_may_use_plain_HTTP_and_a_GET_with_the_placeholders_in_the_URL() =>
        Assert.Equal("GET", Lire(new()
        {
            ["OpenCpts:Sms:Fournisseur"] = "Http",
            ["OpenCpts:Sms:Http:Url"] = "http://127.0.0.1:8080/envoi?dest={to}&msg={text}",
            ["OpenCpts:Sms:Http:Methode"] = "GET",
        }).Http.Methode);

    [Fact]
    public void Placeholders_are_escaped_for_where_they_stand_and_replaced_once()
    {
        const string texte = "Dr \"A\" & {to}\nfin";

        Assert.Equal("""{"to":"+33612345678","text":"Dr \"A\" & {to}\nfin"}""",
            FournisseurSmsHttp.Remplir("""{"to":"{to}","text":"{text}"}""", "+33612345678", texte, FournisseurSmsHttp.Echappement(TypesContenuSms.Json)));
        Assert.Equal("to=%2B33612345678&text=Dr%20%22A%22%20%26%20%7Bto%7D%0Afin",
            FournisseurSmsHttp.Remplir("to={to}&text={text}", "+33612345678", texte, FournisseurSmsHttp.Echappement(TypesContenuSms.Formulaire)));
    }
}
