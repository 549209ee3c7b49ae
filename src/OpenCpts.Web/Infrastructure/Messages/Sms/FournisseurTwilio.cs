using System.Globalization;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace OpenCpts.Web.Infrastructure.Messages.Sms;

/// <summary>
/// Twilio Programmable Messaging through the official SDK (<c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>).
/// The SDK's client is made per send over the platform's own <see cref="System.Net.Http.HttpClient"/> (its timeout,
/// and <see cref="RedirectionUrlBase"/> when <see cref="OptionsTwilio.UrlBase"/> points elsewhere), never the static
/// <c>TwilioClient</c>, whose global state would mix tests and configurations.
/// </summary>
public sealed class FournisseurTwilio(System.Net.Http.HttpClient http, IOptions<OptionsSms> options) : IFournisseurSms
{
    private readonly OptionsTwilio _options = options.Value.Twilio;

    public string Nom => nameof(FournisseurSms.Twilio);

    public async Task<ResultatEnvoiSms> EnvoyerAsync(string numeroE164, string texte, CancellationToken ct)
    {
        // No LogLevel: the SDK would otherwise print requests on the console when TWILIO_LOG_LEVEL=debug.
        var client = new TwilioRestClient(_options.CompteSid, _options.Jeton, httpClient: new SystemNetHttpClient(http)) { LogLevel = null };
        var creation = new CreateMessageOptions(new PhoneNumber(numeroE164)) { Body = texte };
        if (string.IsNullOrWhiteSpace(_options.ServiceMessagerieSid))
        {
            creation.From = new PhoneNumber(_options.Expediteur);
        }
        else
        {
            creation.MessagingServiceSid = _options.ServiceMessagerieSid;
        }
        try
        {
            // The SDK takes no cancellation token: the HttpClient's timeout bounds the call.
            var message = await MessageResource.CreateAsync(creation, client);
            ct.ThrowIfCancellationRequested();
            return new ResultatEnvoiSms.Accepte(message.Sid, message.Status?.ToString());
        }
        catch (ApiException e)
        {
            // Status 0: the answer was not Twilio's JSON error (a proxy's page…), its status unknown: try again later.
            var raison = $"Twilio {e.Status.ToString(CultureInfo.InvariantCulture)}"
                + (e.Code != 0 ? $" (erreur {e.Code.ToString(CultureInfo.InvariantCulture)})" : "");
            var detail = StatutsHttpSms.Resume(e.Message);
            return e.Status != 0 && !StatutsHttpSms.EstTemporaire(e.Status)
                ? new ResultatEnvoiSms.EchecDefinitif(raison, detail)
                : new ResultatEnvoiSms.EchecTemporaire(raison, detail);
        }
        catch (ApiConnectionException)
        {
            return new ResultatEnvoiSms.EchecTemporaire("Twilio injoignable ou délai dépassé");
        }
    }
}

/// <summary>Sends every request of an HttpClient to another scheme, host and port (same path and query), when
/// <paramref name="urlBase"/> gives one: Twilio's SDK builds its own https://api.twilio.com addresses.</summary>
public sealed class RedirectionUrlBase(Func<string?> urlBase) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (urlBase() is { Length: > 0 } adresse && request.RequestUri is { } origine)
        {
            var cible = new Uri(adresse);
            request.RequestUri = new UriBuilder(origine) { Scheme = cible.Scheme, Host = cible.Host, Port = cible.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
