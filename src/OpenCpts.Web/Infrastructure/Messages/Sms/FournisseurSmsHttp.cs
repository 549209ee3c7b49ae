using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OpenCpts.Web.Infrastructure.Messages.Sms;

/// <summary>
/// A generic HTTPS SMS gateway (<see cref="OptionsSmsHttp"/>): the request is made from the configured URL, method,
/// headers and body template. A 2xx answer is a success, a 4xx a refusal (except 408 and 429), anything else — 5xx,
/// timeout, connection failure — a temporary failure.
/// </summary>
public sealed partial class FournisseurSmsHttp(HttpClient http, IOptions<OptionsSms> options) : IFournisseurSms
{
    private readonly OptionsSmsHttp _options = options.Value.Http;

    public string Nom => nameof(FournisseurSms.Http);

    public async Task<ResultatEnvoiSms> EnvoyerAsync(string numeroE164, string texte, CancellationToken ct)
    {
        var to = _options.NumeroSansPlus ? numeroE164.TrimStart('+') : numeroE164;
        using var requete = new HttpRequestMessage(new HttpMethod(_options.Methode.ToUpperInvariant()),
            Remplir(_options.Url!, to, texte, Uri.EscapeDataString));
        if (requete.Method != HttpMethod.Get && !string.IsNullOrEmpty(_options.Corps))
        {
            requete.Content = new StringContent(Remplir(_options.Corps, to, texte, Echappement(_options.TypeContenu)), Encoding.UTF8, _options.TypeContenu);
        }
        foreach (var (nom, valeur) in _options.EnTetes)
        {
            if (!requete.Headers.TryAddWithoutValidation(nom, valeur))
            {
                requete.Content?.Headers.TryAddWithoutValidation(nom, valeur);
            }
        }
        try
        {
            using var reponse = await http.SendAsync(requete, ct);
            var statut = (int)reponse.StatusCode;
            var corps = await reponse.Content.ReadAsStringAsync(ct);
            if (reponse.IsSuccessStatusCode)
            {
                return new ResultatEnvoiSms.Accepte(Identifiant(corps), statut.ToString(CultureInfo.InvariantCulture));
            }
            var raison = $"HTTP {statut.ToString(CultureInfo.InvariantCulture)}";
            var detail = StatutsHttpSms.Resume(corps);
            return StatutsHttpSms.EstTemporaire(statut) ? new ResultatEnvoiSms.EchecTemporaire(raison, detail) : new ResultatEnvoiSms.EchecDefinitif(raison, detail);
        }
        catch (HttpRequestException e)
        {
            return new ResultatEnvoiSms.EchecTemporaire($"Passerelle injoignable ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ResultatEnvoiSms.EchecTemporaire("Délai dépassé");
        }
    }

    /// <summary>Replaces <c>{to}</c> and <c>{text}</c> in one pass (a text holding "{to}" stays as it is).</summary>
    internal static string Remplir(string modele, string to, string texte, Func<string, string> echapper) =>
        Emplacement().Replace(modele, m => echapper(m.Groups[1].Value == "to" ? to : texte));

    /// <summary>How a value is escaped in a body of this content type: JSON string, form field, or as it is.</summary>
    internal static Func<string, string> Echappement(string typeContenu) => typeContenu switch
    {
        TypesContenuSms.Json => v => JsonEncodedText.Encode(v, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        TypesContenuSms.Formulaire => Uri.EscapeDataString,
        _ => v => v,
    };

    private string? Identifiant(string corps)
    {
        if (string.IsNullOrWhiteSpace(_options.RegexId))
        {
            return null;
        }
        var trouve = Regex.Match(corps, _options.RegexId, RegexOptions.None, TimeSpan.FromSeconds(1));
        return trouve.Success && trouve.Groups.Count > 1 ? StatutsHttpSms.Resume(trouve.Groups[1].Value, 100) : null;
    }

    [GeneratedRegex(@"\{(to|text)\}")]
    private static partial Regex Emplacement();
}
