using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OpenCpts.Web.Infrastructure.Messages.Sms;

public enum FournisseurSms
{
    /// <summary>No provider: SMS stay in the outbox, marked not sent.</summary>
    Aucun,
    /// <summary>Twilio's Programmable Messaging, through its official SDK.</summary>
    Twilio,
    /// <summary>Any HTTPS gateway: URL, method, headers and a body template (<see cref="OptionsSmsHttp"/>).</summary>
    Http,
}

/// <summary>
/// SMS settings, <c>OpenCpts:Sms</c>. Checked at start-up; the messages of the check name the keys, never the values
/// (tokens and API keys live here).
/// </summary>
public sealed class OptionsSms
{
    public FournisseurSms Fournisseur { get; set; } = FournisseurSms.Aucun;

    /// <summary>Most parts one message may take (160 GSM characters or 70 UCS-2 for one, 153/67 per part beyond);
    /// a longer message is refused, never cut.</summary>
    [Range(1, 10)]
    public int SegmentsMax { get; set; } = 3;

    /// <summary>Time allowed to the provider for one send, in seconds.</summary>
    [Range(1, 120)]
    public int DelaiSecondes { get; set; } = 10;

    public OptionsTwilio Twilio { get; set; } = new();

    public OptionsSmsHttp Http { get; set; } = new();
}

/// <summary><c>OpenCpts:Sms:Twilio</c>.</summary>
public sealed class OptionsTwilio
{
    /// <summary>The account SID (AC…).</summary>
    public string? CompteSid { get; set; }

    /// <summary>The account's auth token (secret).</summary>
    public string? Jeton { get; set; }

    /// <summary>The sender: a Twilio number in E.164 or an alphanumeric sender id ("CPTS18"). Or
    /// <see cref="ServiceMessagerieSid"/>.</summary>
    public string? Expediteur { get; set; }

    /// <summary>A Messaging Service SID (MG…), which then chooses the sender.</summary>
    public string? ServiceMessagerieSid { get; set; }

    /// <summary>Another address for Twilio's API (a proxy, or the tests' stub); empty: the SDK's own.</summary>
    public string? UrlBase { get; set; }
}

/// <summary>
/// <c>OpenCpts:Sms:Http</c>: a generic gateway, as most French providers offer. In <see cref="Url"/> and
/// <see cref="Corps"/>, <c>{to}</c> is the recipient (E.164) and <c>{text}</c> the message, escaped for where they
/// stand: URL-encoded in the URL and in a form body, JSON-escaped in a JSON body.
/// </summary>
public sealed class OptionsSmsHttp
{
    /// <summary>HTTPS (plain HTTP only towards the machine itself: 127.0.0.1, ::1, localhost).</summary>
    public string? Url { get; set; }

    /// <summary>POST (default), PUT or GET.</summary>
    public string Methode { get; set; } = "POST";

    /// <summary>Headers of every request (e.g. <c>Authorization</c>, <c>X-Api-Key</c>): secrets, never logged.</summary>
    public Dictionary<string, string> EnTetes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>application/json</c> (default), <c>application/x-www-form-urlencoded</c> or <c>text/plain</c>.</summary>
    public string TypeContenu { get; set; } = TypesContenuSms.Json;

    /// <summary>The body template, e.g. <c>{"to":"{to}","text":"{text}","sender":"CPTS"}</c>; none for a GET.</summary>
    public string? Corps { get; set; }

    /// <summary>Gives <c>{to}</c> without its "+" ("33612345678"), as some gateways want.</summary>
    public bool NumeroSansPlus { get; set; }

    /// <summary>Optional: a regular expression whose first group, found in a successful answer, is the provider's id
    /// of the message (e.g. <c>"id"\s*:\s*"([^"]+)"</c>).</summary>
    public string? RegexId { get; set; }
}

public static class TypesContenuSms
{
    public const string Json = "application/json";
    public const string Formulaire = "application/x-www-form-urlencoded";
    public const string Texte = "text/plain";
}

/// <summary>The checks that depend on the chosen provider (data annotations cover the rest).</summary>
public sealed class ValidationOptionsSms : IValidateOptions<OptionsSms>
{
    private static readonly string[] Methodes = ["POST", "PUT", "GET"];

    public ValidateOptionsResult Validate(string? name, OptionsSms options)
    {
        var erreurs = options.Fournisseur switch
        {
            FournisseurSms.Twilio => Twilio(options.Twilio),
            FournisseurSms.Http => Http(options.Http),
            _ => [],
        };
        return erreurs.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(erreurs);
    }

    private static List<string> Twilio(OptionsTwilio t)
    {
        var erreurs = new List<string>();
        if (string.IsNullOrWhiteSpace(t.CompteSid))
        {
            erreurs.Add("OpenCpts:Sms:Twilio:CompteSid est obligatoire avec le fournisseur Twilio.");
        }
        if (string.IsNullOrWhiteSpace(t.Jeton))
        {
            erreurs.Add("OpenCpts:Sms:Twilio:Jeton est obligatoire avec le fournisseur Twilio.");
        }
        if (string.IsNullOrWhiteSpace(t.Expediteur) == string.IsNullOrWhiteSpace(t.ServiceMessagerieSid))
        {
            erreurs.Add("OpenCpts:Sms:Twilio : renseignez soit Expediteur, soit ServiceMessagerieSid.");
        }
        if (!string.IsNullOrWhiteSpace(t.UrlBase) && Adresse(t.UrlBase) is null)
        {
            erreurs.Add("OpenCpts:Sms:Twilio:UrlBase doit être une adresse HTTPS (HTTP vers la machine elle-même seulement).");
        }
        return erreurs;
    }

    private static List<string> Http(OptionsSmsHttp h)
    {
        var erreurs = new List<string>();
        if (string.IsNullOrWhiteSpace(h.Url) || Adresse(h.Url.Replace("{to}", "x", StringComparison.Ordinal).Replace("{text}", "x", StringComparison.Ordinal)) is null)
        {
            erreurs.Add("OpenCpts:Sms:Http:Url doit être une adresse HTTPS (HTTP vers la machine elle-même seulement).");
        }
        if (!Methodes.Contains(h.Methode.ToUpperInvariant()))
        {
            erreurs.Add("OpenCpts:Sms:Http:Methode doit être POST, PUT ou GET.");
        }
        if (h.TypeContenu is not (TypesContenuSms.Json or TypesContenuSms.Formulaire or TypesContenuSms.Texte))
        {
            erreurs.Add($"OpenCpts:Sms:Http:TypeContenu doit être {TypesContenuSms.Json}, {TypesContenuSms.Formulaire} ou {TypesContenuSms.Texte}.");
        }
        var modele = (h.Url ?? "") + (h.Methode.Equals("GET", StringComparison.OrdinalIgnoreCase) ? "" : h.Corps ?? "");
        if (!modele.Contains("{to}", StringComparison.Ordinal) || !modele.Contains("{text}", StringComparison.Ordinal))
        {
            erreurs.Add("OpenCpts:Sms:Http : l'URL ou le corps (Corps) doit contenir {to} et {text}.");
        }
        if (!string.IsNullOrWhiteSpace(h.RegexId))
        {
            try
            {
                _ = new Regex(h.RegexId, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                erreurs.Add("OpenCpts:Sms:Http:RegexId n'est pas une expression régulière valide.");
            }
        }
        return erreurs;
    }

    /// <summary>An absolute HTTPS address, or HTTP to the machine itself; null otherwise.</summary>
    internal static Uri? Adresse(string valeur) =>
        Uri.TryCreate(valeur, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))))
            ? uri : null;
}
