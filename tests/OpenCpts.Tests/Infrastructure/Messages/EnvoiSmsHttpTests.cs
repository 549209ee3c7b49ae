using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.SoinsNonProgrammes;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;
using OpenCpts.Web.Infrastructure.Patients;
using static OpenCpts.Tests.Infrastructure.Messages.SmsDeTest;

namespace OpenCpts.Tests.Infrastructure.Messages;

/// <summary>SMS through a generic HTTPS gateway (a loopback stub): the request, the outbox's statuses, the retries on
/// the platform's clock. Every case shares one host per provider (same settings).</summary>
public class EnvoiSmsHttpTests(BouchonSms bouchon) : IClassFixture<BouchonSms>
{
    private const string Cle = "cle-passerelle-de-test";

    private Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur) => DemarrerAsync(fournisseur, delaiSecondes: 60);

    /// <param name="delaiSecondes">The gateway's timeout: long, so that a loaded test machine never turns a success
    /// into a timeout; short only for the timeout case (its own host).</param>
    private Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, int delaiSecondes) =>
        OpenCptsApp.DemarrerAsync(fournisseur, parametres: new Dictionary<string, string?>
        {
            ["OpenCpts:Sms:Fournisseur"] = "Http",
            ["OpenCpts:Sms:DelaiSecondes"] = delaiSecondes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenCpts:Sms:Http:Url"] = bouchon.Adresse + "/api/v1/sms?compte=cpts-test",
            ["OpenCpts:Sms:Http:Methode"] = "POST",
            ["OpenCpts:Sms:Http:TypeContenu"] = "application/json",
            ["OpenCpts:Sms:Http:Corps"] = """{"to":"{to}","text":"{text}","sender":"CPTS"}""",
            ["OpenCpts:Sms:Http:EnTetes:X-Api-Key"] = Cle,
            ["OpenCpts:Sms:Http:RegexId"] = "\"id\"\\s*:\\s*\"([^\"]+)\"",
        });

    private static async Task<OpenCptsApp> AvecCptsAsync(Fournisseur fournisseur, Func<Fournisseur, Task<OpenCptsApp>> demarrer)
    {
        var app = await demarrer(fournisseur);
        await app.CreerCptsAsync();
        return app;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_SMS_reaches_the_gateway_with_its_headers_its_escaped_text_and_the_E164_number(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        var numero = Numero(fournisseur, 1);
        var texte = Confirmation("au cabinet, 3 \"place\" Cujas\\B, 18000 Bourges");

        Assert.True(await app.EnfilerAsync(numero, texte));
        Assert.Equal(StatutsMessage.EnAttente, (await app.SmsAsync(numero)).Statut);
        await app.EnvoyerSmsAsync();

        var requete = Assert.Single(bouchon.Pour(E164(numero)));
        Assert.Equal(("POST", "/api/v1/sms", "?compte=cpts-test"), (requete.Methode, requete.Chemin, requete.Parametres));
        Assert.Equal(Cle, requete.EnTetes["X-Api-Key"]);
        Assert.StartsWith("application/json", requete.TypeContenu, StringComparison.Ordinal);
        using var corps = JsonDocument.Parse(requete.Corps);
        Assert.Equal(E164(numero), corps.RootElement.GetProperty("to").GetString());
        Assert.Equal(texte.Texte, corps.RootElement.GetProperty("text").GetString());
        Assert.Equal("CPTS", corps.RootElement.GetProperty("sender").GetString());
        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.Envoye, 1, "Http", "200", app.Horloge.GetUtcNow().UtcDateTime),
            (sms.Statut, sms.Tentatives, sms.Fournisseur, sms.StatutFournisseur, sms.EnvoyeLeUtc));
        Assert.StartsWith("passerelle-", sms.IdFournisseur, StringComparison.Ordinal);
        Assert.Null(sms.ProchainEssaiUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Two_runs_at_the_same_time_send_an_SMS_once(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        var numero = Numero(fournisseur, 8);
        await app.EnfilerAsync(numero);

        await Task.WhenAll(app.EnvoyerSmsAsync(), app.EnvoyerSmsAsync(), app.EnvoyerSmsAsync());

        Assert.Single(bouchon.Pour(E164(numero)));
        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.Envoye, 1), (sms.Statut, sms.Tentatives));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_gateway_5xx_is_retried_later_with_back_off_on_the_platform_clock(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        var numero = Numero(fournisseur, 2);
        bouchon.Forcer(E164(numero), new BouchonSms.Reponse(500, "panne"), new BouchonSms.Reponse(503));
        await app.EnfilerAsync(numero);
        var debut = app.Horloge.GetUtcNow().UtcDateTime;

        await app.EnvoyerSmsAsync();
        var apresPremier = await app.SmsAsync(numero);
        await app.EnvoyerSmsAsync();
        var tentativesAvantEcheance = bouchon.Pour(E164(numero)).Count;
        app.Horloge.Advance(TimeSpan.FromMinutes(1));
        await app.EnvoyerSmsAsync();
        var apresSecond = await app.SmsAsync(numero);
        app.Horloge.Advance(TimeSpan.FromMinutes(5));
        await app.EnvoyerSmsAsync();

        Assert.Equal((StatutsMessage.EnAttente, 1, debut.AddMinutes(1), "HTTP 500 panne"),
            (apresPremier.Statut, apresPremier.Tentatives, apresPremier.ProchainEssaiUtc, apresPremier.DerniereErreur));
        Assert.Equal(1, tentativesAvantEcheance);
        Assert.Equal((StatutsMessage.EnAttente, 2, debut.AddMinutes(1 + 5), "HTTP 503"),
            (apresSecond.Statut, apresSecond.Tentatives, apresSecond.ProchainEssaiUtc, apresSecond.DerniereErreur));
        var envoye = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.Envoye, 3, null), (envoye.Statut, envoye.Tentatives, envoye.DerniereErreur));
        Assert.Equal(3, bouchon.Pour(E164(numero)).Count);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_gateway_4xx_is_a_permanent_failure_never_retried(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        var numero = Numero(fournisseur, 3);
        bouchon.Forcer(E164(numero), new BouchonSms.Reponse(400, """{"erreur":"destinataire refusé"}"""));
        await app.EnfilerAsync(numero);

        await app.EnvoyerSmsAsync();
        app.Horloge.Advance(TimeSpan.FromHours(3));
        await app.EnvoyerSmsAsync();

        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.Echec, 1, null), (sms.Statut, sms.Tentatives, sms.ProchainEssaiUtc));
        Assert.Equal("""HTTP 400 {"erreur":"destinataire refusé"}""", sms.DerniereErreur);
        Assert.Single(bouchon.Pour(E164(numero)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_SMS_that_keeps_failing_is_abandoned_after_the_last_attempt_and_the_outbox_can_send_it_again(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        var numero = Numero(fournisseur, 4);
        bouchon.Forcer(E164(numero), Enumerable.Repeat(new BouchonSms.Reponse(502), EnvoiSms.TentativesMax).ToArray());
        await app.EnfilerAsync(numero);

        foreach (var attente in EnvoiSms.Attentes)
        {
            await app.EnvoyerSmsAsync();
            app.Horloge.Advance(attente);
        }
        await app.EnvoyerSmsAsync();
        var abandonne = await app.SmsAsync(numero);
        var regulation = await app.ClientConnecteAsync(Roles.Regulation);
        var page = await regulation.PageAsync("/snp/boite-envoi");
        var renvoi = await regulation.PosterFormulaireAsync("/snp/boite-envoi",
            new Dictionary<string, string> { ["id"] = abandonne.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/snp/boite-envoi?handler=Renvoyer&id={abandonne.Id}");
        var remis = await app.SmsAsync(numero);
        await app.EnvoyerSmsAsync();

        Assert.Equal((StatutsMessage.Abandonne, 5, null, "HTTP 502"),
            (abandonne.Statut, abandonne.Tentatives, abandonne.ProchainEssaiUtc, abandonne.DerniereErreur));
        Assert.Contains("Abandonné", page, StringComparison.Ordinal);
        Assert.Contains("Renvoyer", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renvoi.StatusCode);
        Assert.Equal((StatutsMessage.EnAttente, 0), (remis.Statut, remis.Tentatives));
        Assert.Equal(StatutsMessage.Envoye, (await app.SmsAsync(numero)).Statut);
        Assert.Equal(EnvoiSms.TentativesMax + 1, bouchon.Pour(E164(numero)).Count);
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(j => j.Action == "Renvoi" && j.Ressource == "MessageSortant")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_gateway_that_does_not_answer_in_time_is_a_temporary_failure(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, f => DemarrerAsync(f, delaiSecondes: 1));
        var numero = Numero(fournisseur, 5);
        bouchon.Forcer(E164(numero), new BouchonSms.Reponse(200, Attente: TimeSpan.FromMinutes(1)));
        await app.EnfilerAsync(numero);

        await app.EnvoyerSmsAsync();

        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.EnAttente, 1, "Délai dépassé"), (sms.Statut, sms.Tentatives, sms.DerniereErreur));
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime.AddMinutes(1), sms.ProchainEssaiUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_message_longer_than_the_allowed_parts_is_refused_not_cut(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        var numero = Numero(fournisseur, 6);
        var lieu = "au cabinet, " + string.Join(", ", Enumerable.Repeat("bâtiment des Tilleuls escalier B", 12));

        var accepte = await app.EnfilerAsync(numero, Confirmation(lieu));
        await app.EnvoyerSmsAsync();

        var sms = await app.SmsAsync(numero);
        Assert.False(accepte);
        Assert.Equal(StatutsMessage.Echec, sms.Statut);
        Assert.Equal($"Trop long : {SegmentsSms.Decouper(sms.Texte).Segments} segments (3 au plus)", sms.DerniereErreur);
        Assert.EndsWith("prévenez la CPTS.", sms.Texte, StringComparison.Ordinal);
        Assert.Empty(bouchon.Pour(E164(numero)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_SMS_to_a_landline_is_a_clear_permanent_failure(Fournisseur fournisseur)
    {
        await using var app = await AvecCptsAsync(fournisseur, DemarrerAsync);
        const string fixe = "0199001234";

        var accepte = await app.EnfilerAsync(fixe);
        await app.EnvoyerSmsAsync();

        var sms = await app.SmsAsync(fixe);
        Assert.False(accepte);
        Assert.Equal((StatutsMessage.Echec, 0), (sms.Statut, sms.Tentatives));
        Assert.Contains("non mobile", sms.DerniereErreur, StringComparison.Ordinal);
        Assert.Empty(bouchon.Pour("+33199001234"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_booking_confirmation_is_queued_at_once_then_sent_by_the_job_with_time_place_and_CPTS_only(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").Docteur().ExerceA("18033", "Bourges")))[0];
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro).Au(await app.ActiviteAsync(pro))))[0];
        var numero = Numero(fournisseur, 7);
        var patient = new SaisieIdentite("DURAND", "Alice", new DateOnly(1980, 5, 17), Telephone: numero, CommuneInsee: "18033");

        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<ReserverCreneau>().ExecuteAsync(
            new DemandeReservation(creneau, patient, "Fièvre depuis deux jours", OriginesReservation.Regulation, "regulateur@test.invalid")));
        var enFile = await app.SmsAsync(numero);
        var avantLaTache = bouchon.Pour(E164(numero)).Count;
        await app.EnvoyerSmsAsync();

        Assert.IsType<ResultatReservation.Reservee>(resultat);
        Assert.Equal((StatutsMessage.EnAttente, 0), (enFile.Statut, avantLaTache));
        var requete = Assert.Single(bouchon.Pour(E164(numero)));
        var texte = JsonDocument.Parse(requete.Corps).RootElement.GetProperty("text").GetString()!;
        // 10:00 UTC is 11:00 in Paris in November.
        Assert.StartsWith("CPTS de test : rendez-vous confirmé le 23/11/2026 11:00 avec Dr Luc BERNARD, au cabinet, 1 RUE DES TILLEULS, 18000 Bourges. "
            + "Si vous ne pouvez pas venir, annulez : /rendez-vous/annulation/", texte, StringComparison.Ordinal);
        // The rest is the signed token: it names no one.
        Assert.DoesNotContain(" ", texte[texte.IndexOf("/rendez-vous/annulation/", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(StatutsMessage.Envoye, (await app.SmsAsync(numero)).Statut);
    }
}
