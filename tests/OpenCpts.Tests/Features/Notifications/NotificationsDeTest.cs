using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Notifications;

namespace OpenCpts.Tests.Features.Notifications;

/// <summary>Helpers of the notification tests: accounts with their preferences, and what they received.</summary>
internal static class NotificationsDeTest
{
    /// <summary>A Professionnel account linked to the directory entry, with the given choice per kind
    /// (<see cref="ChoixNotification"/>) and, for SMS, a phone number.</summary>
    public static async Task<Utilisateur> CompteProAsync(this OpenCptsApp app, int professionnelId, string? type = null, string? choix = null,
        string? telephone = null)
    {
        var u = await app.CreerUtilisateurAsync(Roles.Professionnel, x => x.ProfessionnelId = professionnelId);
        if (type is not null)
        {
            await app.PreferenceAsync(u.Id, type, choix!, telephone);
        }
        return u;
    }

    public static async Task PreferenceAsync(this OpenCptsApp app, string compte, string type, string choix, string? telephone = null)
    {
        var r = await app.AvecServicesAsync(sp => sp.GetRequiredService<PreferencesNotifications>()
            .EnregistrerAsync(compte, new Dictionary<string, string> { [type] = choix }, telephone));
        Assert.IsType<ResultatPreferences.Enregistrees>(r);
    }

    public static Task<List<Notification>> NotificationsDeAsync(this OpenCptsApp app, string compte) =>
        app.AvecDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UtilisateurId == compte).OrderBy(n => n.Id).ToListAsync());

    public static Task<List<Web.Infrastructure.Messages.MessageSortant>> MessagesAAsync(this OpenCptsApp app, string destinataire) =>
        app.AvecDbAsync(db => db.MessagesSortants.AsNoTracking().Where(m => m.Destinataire == destinataire).OrderBy(m => m.Id).ToListAsync());

    public static Task<int> NotifierAsync(this OpenCptsApp app, string compte, string type = TypesNotification.MessageEquipe, string titre = "Titre", string lien = "/parcours") =>
        app.AvecServicesAsync(async sp =>
        {
            var cpts = sp.GetRequiredService<Web.Infrastructure.Data.PerimetreCpts>().CptsId!.Value;
            return await sp.GetRequiredService<Notifier>().ExecuteAsync(cpts, type, [compte], titre, lien);
        });
}
