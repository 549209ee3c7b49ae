using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Tests.Features.Notifications;

/// <summary>The bell, the list (read / unread, another account's notification is not found), preferences and the digest.</summary>
public class CentreNotificationsTests
{
    private static async Task<(OpenCptsApp App, Utilisateur Compte, HttpClient Client)> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var compte = await app.CreerUtilisateurAsync(Roles.Regulation);
        return (app, compte, await app.ConnecterAsync(compte.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_bell_says_how_many_notifications_are_unread(Fournisseur fournisseur)
    {
        var (app, compte, client) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        await app.NotifierAsync(compte.Id, titre: "Premier");
        await app.NotifierAsync(compte.Id, titre: "Second");

        var page = await client.GetStringAsync("/");

        Assert.Contains("aria-label=\"Notifications, 2 non lues\"", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_deactivated_account_is_told_nothing_more(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var parti = await app.CreerUtilisateurAsync(Roles.Regulation, u => u.DesactiveLeUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        await app.PreferenceAsync(parti.Id, TypesNotification.MessageEquipe, ChoixNotification.Email);

        var notifies = await app.NotifierAsync(parti.Id);

        Assert.Equal(0, notifies);
        Assert.Empty(await app.NotificationsDeAsync(parti.Id));
        Assert.Empty(await app.MessagesAAsync(parti.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_list_shows_unread_first_and_marking_one_read_moves_it_down(Fournisseur fournisseur)
    {
        var (app, compte, client) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        await app.NotifierAsync(compte.Id, titre: "Ancienne");
        app.Horloge.Advance(TimeSpan.FromMinutes(5));
        await app.NotifierAsync(compte.Id, titre: "Récente");
        var recente = (await app.NotificationsDeAsync(compte.Id)).Single(n => n.Titre == "Récente");

        var reponse = await client.PosterHtmxAsync("/notifications", $"/notifications?handler=Lue&id={recente.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var fragment = await reponse.Content.ReadAsStringAsync();
        Assert.True(fragment.IndexOf("Ancienne", StringComparison.Ordinal) < fragment.IndexOf("Récente", StringComparison.Ordinal));
        Assert.Contains("1 non lue(s)", fragment, StringComparison.Ordinal);
        Assert.NotNull((await app.NotificationsDeAsync(compte.Id)).Single(n => n.Id == recente.Id).LueLeUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Marking_all_read_empties_the_bell(Fournisseur fournisseur)
    {
        var (app, compte, client) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        await app.NotifierAsync(compte.Id);
        await app.NotifierAsync(compte.Id);

        var reponse = await client.PosterFormulaireAsync("/notifications", new Dictionary<string, string>(), "/notifications?handler=ToutesLues");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("aria-label=\"Notifications, 0 non lues\"", await client.GetStringAsync("/notifications"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Opening_a_notification_marks_it_read_and_leads_to_its_object(Fournisseur fournisseur)
    {
        var (app, compte, client) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        await app.NotifierAsync(compte.Id, lien: "/parcours/demandes/42");
        var n = Assert.Single(await app.NotificationsDeAsync(compte.Id));

        var reponse = await client.GetAsync($"/notifications/{n.Id}");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/parcours/demandes/42", reponse.Headers.Location?.OriginalString);
        Assert.NotNull(Assert.Single(await app.NotificationsDeAsync(compte.Id)).LueLeUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Another_accounts_notification_is_not_found_and_stays_unread(Fournisseur fournisseur)
    {
        var (app, _, client) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        var autre = await app.CreerUtilisateurAsync(Roles.Professionnel);
        await app.NotifierAsync(autre.Id, titre: "Pas pour vous");
        var n = Assert.Single(await app.NotificationsDeAsync(autre.Id));

        var ouvrir = await client.GetAsync($"/notifications/{n.Id}");
        var marquer = await client.PosterFormulaireAsync("/notifications", new Dictionary<string, string>(), $"/notifications?handler=Lue&id={n.Id}");
        var liste = await client.GetStringAsync("/notifications");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (ouvrir.StatusCode, marquer.StatusCode));
        Assert.DoesNotContain("Pas pour vous", liste, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await app.NotificationsDeAsync(autre.Id)).LueLeUtc);
        Assert.Equal(2, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.Ressource == "Notification"
            && e.RessourceId == n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Preferences_are_saved_from_the_page_and_SMS_is_refused_where_not_allowed(Fournisseur fournisseur)
    {
        var (app, compte, client) = await DemarrerAsync(fournisseur);
        await using var _ = app;

        var refus = await client.PosterFormulaireAsync("/notifications/preferences", new Dictionary<string, string>
        {
            [$"Choix[{TypesNotification.MessageEquipe}]"] = ChoixNotification.Sms,
            ["Telephone"] = "06 12 34 56 78",
        });
        var sansNumero = await client.PosterFormulaireAsync("/notifications/preferences", new Dictionary<string, string>
        {
            [$"Choix[{TypesNotification.DemandePec}]"] = ChoixNotification.Sms,
        });
        var accord = await client.PosterFormulaireAsync("/notifications/preferences", new Dictionary<string, string>
        {
            [$"Choix[{TypesNotification.DemandePec}]"] = ChoixNotification.Sms,
            [$"Choix[{TypesNotification.AlerteSortie}]"] = ChoixNotification.Digest,
            ["Telephone"] = "06 12 34 56 78",
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect), (refus.StatusCode, sansNumero.StatusCode, accord.StatusCode));
        Assert.Contains("ce choix n&#x27;est pas possible", await refus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var preferences = await app.AvecDbAsync(db => db.Set<PreferenceNotification>().Where(p => p.UtilisateurId == compte.Id).OrderBy(p => p.Type).ToListAsync());
        Assert.Equal([(TypesNotification.AlerteSortie, CanauxNotification.Email, true), (TypesNotification.DemandePec, CanauxNotification.Sms, false)],
            preferences.Select(p => (p.Type, p.Canal, p.Digest)));
        Assert.Equal("0612345678", await app.AvecDbAsync(db => db.Users.Where(u => u.Id == compte.Id).Select(u => u.PhoneNumber).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_digest_sends_one_e_mail_listing_the_unread_notifications_then_nothing_when_nothing_is_new(Fournisseur fournisseur)
    {
        var (app, compte, _) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        await app.PreferenceAsync(compte.Id, TypesNotification.MessageEquipe, ChoixNotification.Digest);
        await app.NotifierAsync(compte.Id, titre: "Message A");
        await app.NotifierAsync(compte.Id, titre: "Message B");
        await app.NotifierAsync(compte.Id, titre: "Message lu");
        await app.NotifierAsync(compte.Id, TypesNotification.Escalade, titre: "Hors résumé");
        var lue = (await app.NotificationsDeAsync(compte.Id)).Single(n => n.Titre == "Message lu");
        await app.AvecDbAsync(db => db.Set<Notification>().Where(n => n.Id == lue.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LueLeUtc, n => n.CreeLeUtc)));
        Task<int> DigestAsync() => app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerDigests>().ExecuteAsync());

        // 10:00 in Paris: today's digest (07:00) is past, these came after it; none is mailed one by one meanwhile.
        var avant = await DigestAsync();
        var messagesAvant = await app.MessagesAAsync(compte.Email!);
        app.Horloge.Advance(TimeSpan.FromHours(21)); // 07:00 the next day in Paris
        var digest = await DigestAsync();
        var ensuite = await DigestAsync();

        Assert.Equal((0, 1, 0), (avant, digest, ensuite));
        Assert.Empty(messagesAvant);
        var mail = Assert.Single(await app.MessagesAAsync(compte.Email!));
        Assert.Equal(CanauxMessage.Email, mail.Canal);
        Assert.Contains("2 notification(s)", mail.Sujet, StringComparison.Ordinal);
        Assert.Contains("Message A", mail.Texte, StringComparison.Ordinal);
        Assert.Contains("Message B", mail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("Message lu", mail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("Hors résumé", mail.Texte, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_time_is_the_last_Paris_hour_reached()
    {
        // 2026-11-23 06:00 UTC is 07:00 in Paris (winter).
        Assert.Equal(new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), EnvoyerDigests.DerniereHeureDigest(new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), 7));
        Assert.Equal(new DateTime(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc), EnvoyerDigests.DerniereHeureDigest(new DateTime(2026, 11, 23, 5, 59, 0, DateTimeKind.Utc), 7));
    }
}
