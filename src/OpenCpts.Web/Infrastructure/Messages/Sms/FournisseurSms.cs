namespace OpenCpts.Web.Infrastructure.Messages.Sms;

/// <summary>What an SMS provider answered to one send.</summary>
public abstract record ResultatEnvoiSms
{
    private ResultatEnvoiSms() { }

    /// <summary>The provider took the message; <paramref name="IdFournisseur"/> is its id for it (Twilio's SID…), and
    /// <paramref name="StatutFournisseur"/> what it said of it ("queued", "accepted", the HTTP status…).</summary>
    public sealed record Accepte(string? IdFournisseur, string? StatutFournisseur) : ResultatEnvoiSms;

    /// <summary>Worth another try later: timeout, connection refused, 5xx, 408, 429.</summary>
    public sealed record EchecTemporaire(string Raison, string? Detail = null) : ResultatEnvoiSms;

    /// <summary>Another try would get the same answer: the provider refused the message (4xx, invalid number…).</summary>
    public sealed record EchecDefinitif(string Raison, string? Detail = null) : ResultatEnvoiSms;
}

// Raison: ours ("HTTP 500", "Twilio 400 (erreur 21211)", "Délai dépassé"), safe to log. Detail: the provider's own
// words (its answer's body), which may echo the recipient or the text: kept in the outbox, never logged.

/// <summary>
/// One SMS provider, chosen by <c>OpenCpts:Sms:Fournisseur</c>. Sends one message and says how it went; never throws
/// for an answer of the provider or a network failure (only for cancellation). The reasons it returns name the
/// failure (status, provider code) and never hold the message's text or the recipient.
/// </summary>
public interface IFournisseurSms
{
    /// <summary>The provider's name, stored with each message it sent.</summary>
    string Nom { get; }

    Task<ResultatEnvoiSms> EnvoyerAsync(string numeroE164, string texte, CancellationToken ct);
}

/// <summary>The HTTP statuses that another try may change.</summary>
public static class StatutsHttpSms
{
    public static bool EstTemporaire(int statut) => statut is < 400 or >= 500 or 408 or 429;

    /// <summary>A provider's own message, kept short and on one line, for the outbox's last error.</summary>
    public static string Resume(string? texte, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return "";
        }
        var ligne = string.Join(' ', texte.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return ligne.Length <= max ? ligne : ligne[..max] + "…";
    }
}
