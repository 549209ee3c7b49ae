using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Web.Infrastructure.Messages;

public static class CanauxMessage
{
    public const string Email = "Email";
    public const string Sms = "SMS";
}

/// <summary>A message to a patient: an SMS (destinataire = phone number, built by <see cref="Sms"/>) or an e-mail.</summary>
public sealed record Message(string Canal, string Destinataire, string Sujet, string Texte)
{
    /// <summary>An SMS, whose text can only come from <see cref="TexteSms"/> (time, place, CPTS: no health data).</summary>
    public static Message Sms(string telephone, TexteSms texte) =>
        new(CanauxMessage.Sms, telephone, texte.Sujet, texte.Texte) { TexteSmsControle = true };

    /// <summary>Made by <see cref="Sms"/>: the outbox refuses an SMS whose text was written anywhere else.</summary>
    internal bool TexteSmsControle { get; private init; }
}

/// <summary>
/// Sends messages to patients. Sending never throws: a failure is logged and reported as false. An SMS is only queued
/// in the outbox (<see cref="MessageSortant"/>), and <see cref="EnvoiSms"/> sends it: no caller waits for a provider.
/// </summary>
public interface IEnvoiMessage
{
    Task<bool> EnvoyerAsync(Message message, CancellationToken ct = default);
}

/// <summary>SMTP settings (<c>OpenCpts:Smtp</c>). Without a host, messages go to the outbox table.</summary>
public sealed class OptionsSmtp
{
    public string? Hote { get; set; }
    [Range(1, 65535)]
    public int Port { get; set; } = 587;
    public string? Utilisateur { get; set; }
    public string? MotDePasse { get; set; }
    public string Expediteur { get; set; } = "ne-pas-repondre@opencpts.invalid";

    /// <summary>
    /// Plain SMTP, without TLS: only for a relay on the same machine or network (e.g. a local Postfix). Off by default;
    /// when on, every connection is logged as a warning.
    /// </summary>
    public bool SansTls { get; set; }

    /// <summary>
    /// TLS is required: implicit TLS on port 465, STARTTLS elsewhere (the connection fails if the server does not offer
    /// it). Never <c>Auto</c>/<c>StartTlsWhenAvailable</c>, which would fall back to plain text without a word.
    /// </summary>
    public MailKit.Security.SecureSocketOptions Securite =>
        SansTls ? MailKit.Security.SecureSocketOptions.None
        : Port == 465 ? MailKit.Security.SecureSocketOptions.SslOnConnect
        : MailKit.Security.SecureSocketOptions.StartTls;
}

/// <summary>
/// The outbox: every SMS is queued here for <see cref="EnvoiSms"/> (or kept, marked not sent, without an SMS provider),
/// and so are e-mails when no SMTP server is configured. An SMS that cannot be sent — not a mobile number, too long,
/// text not built by <see cref="TexteSms"/> — is stored as failed, with the reason, and reported as false.
/// </summary>
public sealed class BoiteEnvoi(OpenCptsDb db, IOptions<OptionsSms> sms, TimeProvider horloge, ILogger<BoiteEnvoi> journal) : IEnvoiMessage
{
    public async Task<bool> EnvoyerAsync(Message message, CancellationToken ct = default)
    {
        try
        {
            var maintenant = horloge.GetUtcNow().UtcDateTime;
            var ligne = new MessageSortant
            {
                Canal = message.Canal,
                Destinataire = Tronquer(message.Destinataire, 200),
                Sujet = Tronquer(message.Sujet, 200),
                Texte = Tronquer(message.Texte, 2000),
                CreeLeUtc = maintenant,
                Statut = StatutsMessage.NonEnvoye,
                DerniereErreur = "Aucun serveur SMTP configuré",
            };
            if (message.Canal == CanauxMessage.Sms)
            {
                var texte = SegmentsSms.AdapterAuGsm(message.Texte);
                var refus = message.TexteSmsControle
                    ? EnvoiSms.Controler(message.Destinataire, texte, sms.Value.SegmentsMax).Refus
                    : "Texte refusé : un SMS est construit par TexteSms (heure, lieu, CPTS ; aucune donnée de santé)";
                ligne.Texte = Tronquer(texte, 2000);
                if (refus is not null)
                {
                    (ligne.Statut, ligne.DerniereErreur) = (StatutsMessage.Echec, refus);
                    journal.LogWarning("SMS refused before sending: {Raison}", refus);
                }
                else if (sms.Value.Fournisseur == FournisseurSms.Aucun)
                {
                    ligne.DerniereErreur = "Non envoyé : aucun fournisseur SMS configuré";
                }
                else
                {
                    (ligne.Statut, ligne.DerniereErreur, ligne.ProchainEssaiUtc) = (StatutsMessage.EnAttente, null, maintenant);
                }
            }
            // A separate context would be cleaner, but the caller has already committed its own work.
            db.MessagesSortants.Add(ligne);
            await db.SaveChangesAsync(ct);
            return ligne.Statut != StatutsMessage.Echec;
        }
        catch (DbUpdateException ex)
        {
            journal.LogError(ex, "Message to the outbox failed");
            return false;
        }
    }

    private static string Tronquer(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>E-mails through SMTP (MailKit); SMS go to the outbox, which queues them.</summary>
public sealed class EnvoiSmtp(IOptions<OptionsSmtp> reglages, BoiteEnvoi boite, ILogger<EnvoiSmtp> journal) : IEnvoiMessage
{
    private readonly OptionsSmtp options = reglages.Value;

    public async Task<bool> EnvoyerAsync(Message message, CancellationToken ct = default)
    {
        if (message.Canal != CanauxMessage.Email)
        {
            return await boite.EnvoyerAsync(message, ct);
        }
        try
        {
            var mime = new MimeKit.MimeMessage();
            mime.From.Add(MimeKit.MailboxAddress.Parse(options.Expediteur));
            mime.To.Add(MimeKit.MailboxAddress.Parse(message.Destinataire));
            mime.Subject = message.Sujet;
            mime.Body = new MimeKit.TextPart("plain") { Text = message.Texte };
            using var smtp = new MailKit.Net.Smtp.SmtpClient();
            if (options.SansTls)
            {
                journal.LogWarning("E-mail sent through {Hote} without TLS (OpenCpts:Smtp:SansTls)", options.Hote);
            }
            await smtp.ConnectAsync(options.Hote!, options.Port, options.Securite, ct);
            if (!string.IsNullOrEmpty(options.Utilisateur))
            {
                await smtp.AuthenticateAsync(options.Utilisateur, options.MotDePasse ?? "", ct);
            }
            await smtp.SendAsync(mime, ct);
            await smtp.DisconnectAsync(true, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The booking is made whatever happens to the confirmation: log and carry on.
            journal.LogError(ex, "E-mail to a patient could not be sent through {Hote}", options.Hote);
            return false;
        }
    }
}

public static class EnvoiMessages
{
    public static IServiceCollection AddEnvoiMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsValidees<OptionsSmtp>("OpenCpts:Smtp");
        services.AddEnvoiSms();
        services.AddScoped<BoiteEnvoi>();
        services.AddScoped<EnvoiSmtp>();
        services.AddScoped<IEnvoiMessage>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<OptionsSmtp>>().Value.Hote)
            ? sp.GetRequiredService<BoiteEnvoi>()
            : sp.GetRequiredService<EnvoiSmtp>());
        return services;
    }
}
