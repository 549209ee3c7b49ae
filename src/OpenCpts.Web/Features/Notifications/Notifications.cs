using System.ComponentModel.DataAnnotations;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Features.Notifications;

/// <summary><c>OpenCpts:Notifications</c> settings.</summary>
public sealed class OptionsNotifications
{
    /// <summary>Paris hour (0–23) of the daily digest e-mail.</summary>
    [Range(0, 23)]
    public int HeureDigest { get; set; } = 7;

    /// <summary>Public address of the platform (<c>OpenCpts:UrlPublique</c>), for links in e-mails and SMS.</summary>
    public string? UrlPublique { get; set; }
}

public static class Notifications
{
    /// <summary>Every role of the CPTS has a notification centre; the SAS platform's machine account has none.</summary>
    public const string PolitiqueNotifications = "Notifications";

    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueNotifications, p => p.RequireRole(Roles.Tous.Where(r => r != Roles.PlateformeSas)));
        services.AddOptionsValidees<OptionsNotifications>("OpenCpts:Notifications");
        services.AddOptions<OptionsNotifications>()
            .PostConfigure<IConfiguration>((o, configuration) => o.UrlPublique ??= configuration["OpenCpts:UrlPublique"]);
        services.AddScoped<Notifier>();
        services.AddScoped<DestinatairesNotification>();
        services.AddScoped<NotifierReservation>();
        services.AddScoped<EnvoyerDigests>();
        services.AddScoped<NotifierEcheancesTaches>();
        services.AddScoped<ListerMesNotifications>();
        services.AddScoped<MarquerNotificationsLues>();
        services.AddScoped<PreferencesNotifications>();
        services.AddTachePeriodique<DigestPeriodique>();
        services.AddTachePeriodique<EcheancesTachesPeriodique>();
        return services;
    }
}
