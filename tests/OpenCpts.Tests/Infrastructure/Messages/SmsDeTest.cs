using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Tests.Infrastructure.Messages;

/// <summary>Intent methods of the SMS tests.</summary>
public static class SmsDeTest
{
    /// <summary>A number of the range ARCEP keeps for fiction (06 39 98 xx xx), distinct per provider and case, so
    /// that the two providers' runs of a theory never share a recipient on a class's stub.</summary>
    public static string Numero(Fournisseur fournisseur, int cas) =>
        "063998" + ((int)fournisseur).ToString(CultureInfo.InvariantCulture) + cas.ToString("D3", CultureInfo.InvariantCulture);

    public static string E164(string numero) => NumeroTelephone.VersE164(numero)!;

    /// <summary>An appointment confirmation as the bookings build it.</summary>
    public static TexteSms Confirmation(string lieu = "au cabinet, 12 rue Moyenne, 18000 Bourges") =>
        TexteSms.RendezVousConfirme("CPTS de test", new DateTime(2026, 11, 24, 13, 30, 0, DateTimeKind.Utc), "Dr Luc BERNARD", lieu);

    /// <summary>Queues an SMS through the platform's <see cref="IEnvoiMessage"/>, as a use case does.</summary>
    public static Task<bool> EnfilerAsync(this OpenCptsApp app, string numero, TexteSms? texte = null) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<IEnvoiMessage>().EnvoyerAsync(Message.Sms(numero, texte ?? Confirmation())));

    /// <summary>One run of the sending job (off in tests), on the platform's clock.</summary>
    public static Task EnvoyerSmsAsync(this OpenCptsApp app) => app.AvecServicesAsync(async sp =>
    {
        await sp.GetServices<IHostedService>().OfType<EnvoiSmsPeriodique>().Single().ExecuterAsync(sp, CancellationToken.None);
        return true;
    });

    public static Task<MessageSortant> SmsAsync(this OpenCptsApp app, string numero) =>
        app.AvecDbAsync(db => db.MessagesSortants.AsNoTracking().SingleAsync(m => m.Canal == CanauxMessage.Sms && m.Destinataire == numero));
}
