using System.Net;
using System.Text;
using OpenCpts.Web.Infrastructure.Messages;
using static OpenCpts.Tests.Infrastructure.Messages.SmsDeTest;

namespace OpenCpts.Tests.Infrastructure.Messages;

/// <summary>SMS through Twilio's official SDK, its requests sent to a loopback stub (<c>OpenCpts:Sms:Twilio:UrlBase</c>).</summary>
public class EnvoiSmsTwilioTests(BouchonSms bouchon) : IClassFixture<BouchonSms>
{
    // Invented credentials, in Twilio's shapes.
    private const string Compte = "AC0123456789abcdef0123456789abcdef";
    private const string Jeton = "jeton-twilio-de-test";

    private Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur) =>
        OpenCptsApp.DemarrerAsync(fournisseur, parametres: new Dictionary<string, string?>
        {
            ["OpenCpts:Sms:Fournisseur"] = "Twilio",
            ["OpenCpts:Sms:Twilio:CompteSid"] = Compte,
            ["OpenCpts:Sms:Twilio:Jeton"] = Jeton,
            ["OpenCpts:Sms:Twilio:Expediteur"] = "CPTSTEST",
            ["OpenCpts:Sms:Twilio:UrlBase"] = bouchon.Adresse,
        });

    private async Task<OpenCptsApp> AvecCptsAsync(Fournisseur fournisseur)
    {
        var app = await DemarrerAsync(fournisseur);
        await app.CreerCptsAsync();
        return app;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_SMS_goes_through_the_Twilio_SDK_to_the_Messages_resource(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur);
        var numero = Numero(fournisseur, 101);

        await app.EnfilerAsync(numero);
        await app.EnvoyerSmsAsync();

        var requete = Assert.Single(bouchon.Pour(E164(numero)));
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{Compte}/Messages.json"), (requete.Methode, requete.Chemin));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Compte}:{Jeton}")), requete.EnTetes["Authorization"]);
        Assert.StartsWith("application/x-www-form-urlencoded", requete.TypeContenu, StringComparison.Ordinal);
        var champs = requete.Corps.Split('&').Select(c => c.Split('=')).ToDictionary(c => c[0], c => WebUtility.UrlDecode(c[1]));
        Assert.Equal(E164(numero), champs["To"]);
        Assert.Equal("CPTSTEST", champs["From"]);
        Assert.Equal(Confirmation().Texte, champs["Body"]);
        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.Envoye, "Twilio", "queued"), (sms.Statut, sms.Fournisseur, sms.StatutFournisseur));
        Assert.StartsWith("SM", sms.IdFournisseur, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_Twilio_refusal_is_a_permanent_failure_with_its_error_code(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur);
        var numero = Numero(fournisseur, 102);
        bouchon.Forcer(E164(numero), new BouchonSms.Reponse(400,
            """{"code":21211,"message":"Invalid 'To' Phone Number","more_info":"https://www.twilio.com/docs/errors/21211","status":400}"""));

        await app.EnfilerAsync(numero);
        await app.EnvoyerSmsAsync();

        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.Echec, 1), (sms.Statut, sms.Tentatives));
        Assert.Equal("Twilio 400 (erreur 21211) Invalid 'To' Phone Number", sms.DerniereErreur);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_Twilio_server_error_is_retried_later(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur);
        var numero = Numero(fournisseur, 103);
        bouchon.Forcer(E164(numero), new BouchonSms.Reponse(500));

        await app.EnfilerAsync(numero);
        await app.EnvoyerSmsAsync();
        var apresEchec = await app.SmsAsync(numero);
        app.Horloge.Advance(TimeSpan.FromMinutes(1));
        await app.EnvoyerSmsAsync();

        Assert.Equal((StatutsMessage.EnAttente, 1), (apresEchec.Statut, apresEchec.Tentatives));
        Assert.StartsWith("Twilio", apresEchec.DerniereErreur, StringComparison.Ordinal);
        Assert.Equal((StatutsMessage.Envoye, 2), ((await app.SmsAsync(numero)).Statut, (await app.SmsAsync(numero)).Tentatives));
    }
}
