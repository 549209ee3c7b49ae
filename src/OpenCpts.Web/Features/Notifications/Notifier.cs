using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>
/// Fans a notification out: one row per recipient account (its notification centre), then, per the recipient's
/// preference for the kind, one e-mail or one SMS now through <see cref="IEnvoiMessage"/>; digest kinds wait for the
/// daily digest (<see cref="EnvoyerDigests"/>). Only active accounts attached to the CPTS are notified. The title is the whole
/// message on every channel: callers build it without the patient's identity beyond initials and without clinical
/// text. A notification never makes the business change it reports fail: a write error is logged and dropped.
/// </summary>
public sealed class Notifier(OpenCptsDb db, IEnvoiMessage envoi, IOptions<OptionsNotifications> options, TimeProvider horloge, ILogger<Notifier> journal)
{
    /// <summary>Returns the number of accounts notified.</summary>
    public async Task<int> ExecuteAsync(int cptsId, string type, IEnumerable<string> comptes, string titre, string lien, CancellationToken ct = default)
    {
        var ids = comptes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        titre = titre.Length > 200 ? titre[..200] : titre;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var destinataires = await db.Users.AsNoTracking()
            // A deactivated account (the person left) is told nothing more.
            .Where(u => ids.Contains(u.Id) && u.DesactiveLeUtc == null && db.Set<RattachementCpts>().Any(r => r.UtilisateurId == u.Id && r.CptsId == cptsId))
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.PhoneNumber,
                Canal = db.Set<PreferenceNotification>().Where(p => p.UtilisateurId == u.Id && p.Type == type).Select(p => p.Canal).FirstOrDefault(),
                Digest = db.Set<PreferenceNotification>().Where(p => p.UtilisateurId == u.Id && p.Type == type).Select(p => p.Digest).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var lignes = destinataires.Select(d => new Notification
        {
            CptsId = cptsId,
            UtilisateurId = d.Id,
            Type = type,
            Titre = titre,
            Lien = lien,
            CreeLeUtc = maintenant,
        }).ToList();
        try
        {
            db.Set<Notification>().AddRange(lignes);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            foreach (var l in lignes)
            {
                db.Entry(l).State = EntityState.Detached;
            }
            journal.LogError(e, "Notification {Type} could not be recorded", type);
            return 0;
        }

        foreach (var d in destinataires)
        {
            var canal = d.Canal ?? CanauxNotification.InApp;
            if (canal == CanauxNotification.Email && !d.Digest && !string.IsNullOrWhiteSpace(d.Email))
            {
                await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, d.Email, "OpenCPTS : " + titre, TexteEmail(titre, lien)), ct);
            }
            else if (canal == CanauxNotification.Sms && TypesNotification.SmsPermis(type) && !string.IsNullOrWhiteSpace(d.PhoneNumber))
            {
                await envoi.EnvoyerAsync(Message.Sms(d.PhoneNumber, Infrastructure.Messages.Sms.TexteSms.NotificationMembre(titre, Adresse(lien))), ct);
            }
        }
        return lignes.Count;
    }

    private string Adresse(string lien) =>
        string.IsNullOrWhiteSpace(options.Value.UrlPublique) ? lien : options.Value.UrlPublique.TrimEnd('/') + lien;

    private string TexteEmail(string titre, string lien) =>
        $"{titre}\n\nÀ voir sur la plateforme de la CPTS : {Adresse(lien)}\n\n"
        + "Vous recevez ce message selon vos préférences de notification (/notifications/preferences).";

    /// <summary>"D. L." for Lucie DURAND: the most of a patient's identity a notification may carry.</summary>
    public static string Initiales(string? prenom, string? nom) => $"{Initiale(prenom)}{Initiale(nom)}".Trim();

    private static string Initiale(string? s) => string.IsNullOrWhiteSpace(s) ? "" : char.ToUpperInvariant(s.Trim()[0]) + ". ";
}

/// <summary>Finds the accounts to notify, among those attached to a CPTS.</summary>
public sealed class DestinatairesNotification(OpenCptsDb db)
{
    private IQueryable<Utilisateur> Comptes(int cptsId) =>
        db.Users.Where(u => db.Set<RattachementCpts>().Any(r => r.UtilisateurId == u.Id && r.CptsId == cptsId));

    /// <summary>The accounts of these directory professionals.</summary>
    public Task<List<string>> DesProfessionnelsAsync(int cptsId, IReadOnlyCollection<int> professionnels, CancellationToken ct = default) =>
        Comptes(cptsId).Where(u => u.ProfessionnelId != null && professionnels.Contains(u.ProfessionnelId.Value)).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The accounts of these structures (establishment accounts).</summary>
    public Task<List<string>> DesStructuresAsync(int cptsId, IReadOnlyCollection<int> structures, CancellationToken ct = default) =>
        Comptes(cptsId).Where(u => u.StructureId != null && structures.Contains(u.StructureId.Value)).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The accounts with the role.</summary>
    public Task<List<string>> DuRoleAsync(int cptsId, string role, CancellationToken ct = default) =>
        (from u in Comptes(cptsId)
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select u.Id).Distinct().ToListAsync(ct);
}
