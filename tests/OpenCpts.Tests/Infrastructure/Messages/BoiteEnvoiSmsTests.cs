using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Messages;
using static OpenCpts.Tests.Infrastructure.Messages.SmsDeTest;

namespace OpenCpts.Tests.Infrastructure.Messages;

/// <summary>The outbox without an SMS provider (the shared host's settings).</summary>
public class BoiteEnvoiSmsTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_a_provider_an_SMS_stays_in_the_outbox_marked_not_sent(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync();
        var numero = Numero(fournisseur, 201);

        Assert.True(await app.EnfilerAsync(numero));
        await app.EnvoyerSmsAsync();

        var sms = await app.SmsAsync(numero);
        Assert.Equal((StatutsMessage.NonEnvoye, 0, null), (sms.Statut, sms.Tentatives, sms.ProchainEssaiUtc));
        Assert.Equal("Non envoyé : aucun fournisseur SMS configuré", sms.DerniereErreur);
        var page = await (await app.ClientConnecteAsync(Roles.Regulation)).PageAsync("/snp/boite-envoi");
        Assert.Contains("Aucun fournisseur SMS n'est configuré", page, StringComparison.Ordinal);
        Assert.Contains("Non envoyé", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_SMS_whose_text_was_not_built_by_TexteSms_is_refused(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync();
        var numero = Numero(fournisseur, 202);

        var accepte = await app.AvecServicesAsync(sp => sp.GetRequiredService<IEnvoiMessage>().EnvoyerAsync(
            new Message(CanauxMessage.Sms, numero, "Résultats", "Bonjour Alice DURAND, vos résultats d'analyse sont disponibles.")));

        var sms = await app.SmsAsync(numero);
        Assert.False(accepte);
        Assert.Equal(StatutsMessage.Echec, sms.Statut);
        Assert.StartsWith("Texte refusé : un SMS est construit par TexteSms", sms.DerniereErreur, StringComparison.Ordinal);
    }
}
