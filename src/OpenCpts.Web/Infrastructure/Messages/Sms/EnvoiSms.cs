using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Infrastructure.Messages.Sms;

/// <summary>Whether an SMS may leave: its recipient in E.164, or why not.</summary>
public sealed record ControleSms(string? NumeroE164, DecoupageSms Decoupage, string? Refus);

/// <summary>
/// Sends the SMS of the outbox (<see cref="MessageSortant"/> rows <see cref="StatutsMessage.EnAttente"/>) through the
/// configured <see cref="IFournisseurSms"/>. Each row is claimed by a conditional UPDATE on its attempt count before
/// it is sent, so two instances never send it twice; a temporary failure is retried after 1 min, 5 min, 30 min and
/// 2 h, then the message is abandoned; a refusal is final. Nothing is sent without a provider.
/// </summary>
public sealed class EnvoiSms(OpenCptsDb db, IOptions<OptionsSms> options, IServiceProvider services, TimeProvider horloge, ILogger<EnvoiSms> journal)
{
    /// <summary>Delay before the next try after the n-th failed one.</summary>
    public static readonly IReadOnlyList<TimeSpan> Attentes = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>Tries before a message that keeps failing for a temporary reason is abandoned.</summary>
    public static int TentativesMax => Attentes.Count + 1;

    /// <summary>A claimed row is left alone by other instances for this long (a send takes at most 2 min).</summary>
    private static readonly TimeSpan Bail = TimeSpan.FromMinutes(3);

    /// <summary>A mobile number and a length that fits: checked when the SMS is queued and again before each send.</summary>
    public static ControleSms Controler(string destinataire, string texte, int segmentsMax)
    {
        var decoupage = SegmentsSms.Decouper(texte);
        var e164 = NumeroTelephone.VersE164(destinataire);
        var refus = e164 is null ? "Numéro invalide : un SMS part vers un numéro français"
            : !NumeroTelephone.EstMobile(destinataire) ? "Numéro non mobile : un SMS part vers un 06 ou un 07"
            : string.IsNullOrWhiteSpace(texte) ? "Texte vide"
            : decoupage.Segments > segmentsMax ? $"Trop long : {decoupage.Segments} segments ({segmentsMax} au plus)"
            : null;
        return new ControleSms(refus is null ? e164 : null, decoupage, refus);
    }

    /// <summary>Sends the SMS due now (50 at most per run, oldest due first); returns how many the provider took.</summary>
    public async Task<int> TraiterAsync(CancellationToken ct = default)
    {
        if (options.Value.Fournisseur == FournisseurSms.Aucun)
        {
            return 0;
        }
        var fournisseur = services.GetRequiredService<IFournisseurSms>();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var dus = await db.MessagesSortants.AsNoTracking()
            .Where(m => m.Canal == CanauxMessage.Sms && m.Statut == StatutsMessage.EnAttente && m.ProchainEssaiUtc <= maintenant)
            .OrderBy(m => m.ProchainEssaiUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Tentatives, m.Destinataire, m.Texte })
            .Take(50).ToListAsync(ct);
        var envoyes = 0;
        foreach (var m in dus)
        {
            var tentative = m.Tentatives + 1;
            var finBail = maintenant + Bail;
            var pris = await db.MessagesSortants
                .Where(x => x.Id == m.Id && x.Statut == StatutsMessage.EnAttente && x.Tentatives == m.Tentatives)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Tentatives, tentative).SetProperty(x => x.ProchainEssaiUtc, finBail), ct);
            if (pris == 0)
            {
                // Another instance took it first.
                continue;
            }
            var controle = Controler(m.Destinataire, m.Texte, options.Value.SegmentsMax);
            var resultat = controle.Refus is { } refus
                ? new ResultatEnvoiSms.EchecDefinitif(refus)
                : await fournisseur.EnvoyerAsync(controle.NumeroE164!, m.Texte, ct);
            var apres = horloge.GetUtcNow().UtcDateTime;
            var ligne = db.MessagesSortants.Where(x => x.Id == m.Id && x.Tentatives == tentative);
            switch (resultat)
            {
                case ResultatEnvoiSms.Accepte a:
                    envoyes++;
                    await ligne.ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.Statut, StatutsMessage.Envoye)
                        .SetProperty(x => x.EnvoyeLeUtc, apres)
                        .SetProperty(x => x.ProchainEssaiUtc, (DateTime?)null)
                        .SetProperty(x => x.DerniereErreur, (string?)null)
                        .SetProperty(x => x.Fournisseur, fournisseur.Nom)
                        .SetProperty(x => x.IdFournisseur, Court(a.IdFournisseur, 120))
                        .SetProperty(x => x.StatutFournisseur, Court(a.StatutFournisseur, 40)), ct);
                    journal.LogInformation("SMS {Message} taken by {Fournisseur} as {IdFournisseur}", m.Id, fournisseur.Nom, a.IdFournisseur);
                    break;
                case ResultatEnvoiSms.EchecTemporaire t when tentative < TentativesMax:
                    var suivant = apres + Attentes[tentative - 1];
                    var erreur = Erreur(t.Raison, t.Detail);
                    await ligne.ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.ProchainEssaiUtc, suivant)
                        .SetProperty(x => x.DerniereErreur, erreur), ct);
                    journal.LogWarning("SMS {Message} failed (attempt {Tentative}): {Raison}; next try at {Suivant}", m.Id, tentative, t.Raison, suivant);
                    break;
                case ResultatEnvoiSms.EchecTemporaire t:
                    await Clore(ligne, StatutsMessage.Abandonne, Erreur(t.Raison, t.Detail), ct);
                    journal.LogWarning("SMS {Message} abandoned after {Tentative} attempts: {Raison}", m.Id, tentative, t.Raison);
                    break;
                case ResultatEnvoiSms.EchecDefinitif d:
                    await Clore(ligne, StatutsMessage.Echec, Erreur(d.Raison, d.Detail), ct);
                    journal.LogWarning("SMS {Message} refused: {Raison}", m.Id, d.Raison);
                    break;
            }
        }
        return envoyes;
    }

    /// <summary>Queues an abandoned SMS again, for a fresh series of tries; false when there is no such message (in
    /// the current CPTS).</summary>
    public async Task<bool> RenvoyerAsync(long id, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return await db.MessagesSortants
            .Where(m => m.Id == id && m.Canal == CanauxMessage.Sms && m.Statut == StatutsMessage.Abandonne)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Statut, StatutsMessage.EnAttente)
                .SetProperty(m => m.Tentatives, 0)
                .SetProperty(m => m.ProchainEssaiUtc, maintenant), ct) == 1;
    }

    private static Task<int> Clore(IQueryable<MessageSortant> ligne, string statut, string erreur, CancellationToken ct) =>
        ligne.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Statut, statut)
            .SetProperty(x => x.ProchainEssaiUtc, (DateTime?)null)
            .SetProperty(x => x.DerniereErreur, erreur), ct);

    /// <summary>The outbox's last error: our reason, then the provider's words.</summary>
    private static string Erreur(string raison, string? detail) => Court(string.IsNullOrEmpty(detail) ? raison : $"{raison} {detail}", 500)!;

    private static string? Court(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}

/// <summary>Sends the SMS outbox every 30 s (<c>OpenCpts:Taches:EnvoiSms</c>), one run over every CPTS.</summary>
public sealed class EnvoiSmsPeriodique(DependancesTache dependances) : TachePeriodique("EnvoiSms", TimeSpan.FromSeconds(30), dependances)
{
    protected override bool ParCpts => false;

    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnvoiSms>().TraiterAsync(ct);
}

public static class EnvoisSms
{
    /// <summary>The SMS settings, the provider they choose, and the sending job.</summary>
    public static IServiceCollection AddEnvoiSms(this IServiceCollection services)
    {
        services.AddOptionsValidees<OptionsSms>("OpenCpts:Sms");
        services.AddSingleton<IValidateOptions<OptionsSms>, ValidationOptionsSms>();
        // No HttpClient logging: a gateway's URL may carry the recipient, the text or an API key.
        services.AddHttpClient<FournisseurSmsHttp>((sp, c) => c.Timeout = Delai(sp)).RemoveAllLoggers();
        services.AddHttpClient<FournisseurTwilio>((sp, c) => c.Timeout = Delai(sp))
            .AddHttpMessageHandler(sp => new RedirectionUrlBase(() => sp.GetRequiredService<IOptions<OptionsSms>>().Value.Twilio.UrlBase))
            .RemoveAllLoggers();
        services.AddScoped<IFournisseurSms>(sp => sp.GetRequiredService<IOptions<OptionsSms>>().Value.Fournisseur switch
        {
            FournisseurSms.Twilio => sp.GetRequiredService<FournisseurTwilio>(),
            FournisseurSms.Http => sp.GetRequiredService<FournisseurSmsHttp>(),
            _ => throw new InvalidOperationException("Aucun fournisseur SMS n'est configuré (OpenCpts:Sms:Fournisseur)."),
        });
        services.AddScoped<EnvoiSms>();
        services.AddTachePeriodique<EnvoiSmsPeriodique>();
        return services;
    }

    private static TimeSpan Delai(IServiceProvider sp) => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<OptionsSms>>().Value.DelaiSecondes);
}
