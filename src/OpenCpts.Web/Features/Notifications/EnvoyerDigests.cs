using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Taches;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>
/// The daily digest: to every account that chose it for some kinds, one e-mail listing its unread notifications of
/// those kinds created before today's digest time (<see cref="OptionsNotifications.HeureDigest"/>, Paris) and not yet
/// in a digest. Each listed notification is marked (<see cref="Notification.DigestLeUtc"/>) by a conditional update,
/// so a second run the same day finds nothing and two runs never send one twice; one created after the digest time
/// waits for the next day's.
/// </summary>
public sealed class EnvoyerDigests(OpenCptsDb db, IEnvoiMessage envoi, IOptions<OptionsNotifications> options, TimeProvider horloge)
{
    /// <summary>Returns the number of digest e-mails sent.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var coupure = DerniereHeureDigest(maintenant, options.Value.HeureDigest);
        var aEnvoyer = await (
            from n in db.Set<Notification>()
            where n.LueLeUtc == null && n.DigestLeUtc == null && n.CreeLeUtc < coupure
            join p in db.Set<PreferenceNotification>() on new { n.UtilisateurId, n.Type } equals new { p.UtilisateurId, p.Type }
            where p.Canal == CanauxNotification.Email && p.Digest
            join u in db.Users on n.UtilisateurId equals u.Id
            where u.Email != null && u.DesactiveLeUtc == null
            orderby n.CreeLeUtc, n.Id
            select new { n.Id, n.CptsId, n.UtilisateurId, u.Email, n.Titre, n.Lien, n.CreeLeUtc })
            .AsNoTracking().ToListAsync(ct);
        var envoyes = 0;
        foreach (var groupe in aEnvoyer.GroupBy(n => (n.CptsId, n.UtilisateurId)))
        {
            var ids = groupe.Select(n => n.Id).ToList();
            var marquees = await db.Set<Notification>()
                .Where(n => ids.Contains(n.Id) && n.DigestLeUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestLeUtc, maintenant), ct);
            if (marquees == 0)
            {
                continue;
            }
            var nomCpts = await db.Cpts.Where(c => c.Id == groupe.Key.CptsId).Select(c => c.Nom).FirstOrDefaultAsync(ct) ?? "la CPTS";
            var texte = new StringBuilder();
            texte.Append("Bonjour,\n\nVos notifications non lues (").Append(nomCpts).Append(") :\n\n");
            foreach (var n in groupe)
            {
                texte.Append("- ").Append(Affichage.DateHeure(n.CreeLeUtc)).Append(" — ").Append(n.Titre).Append(" : ").Append(Adresse(n.Lien)).Append('\n');
            }
            texte.Append("\nToutes vos notifications : ").Append(Adresse("/notifications"))
                .Append("\nVous recevez ce résumé quotidien selon vos préférences de notification (/notifications/preferences).");
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, groupe.First().Email!,
                $"OpenCPTS : {groupe.Count()} notification(s) non lue(s)", texte.ToString()), ct);
            envoyes++;
        }
        return envoyes;
    }

    /// <summary>The last digest time (Paris <paramref name="heure"/>:00) at or before <paramref name="maintenantUtc"/>.</summary>
    public static DateTime DerniereHeureDigest(DateTime maintenantUtc, int heure)
    {
        var jour = HeureParis.Jour(maintenantUtc);
        var aujourdhui = HeureParis.VersUtc(jour.ToDateTime(new TimeOnly(heure, 0))) ?? HeureParis.VersUtc(jour.ToDateTime(new TimeOnly(heure, 0)).AddHours(1))!.Value;
        if (aujourdhui <= maintenantUtc)
        {
            return aujourdhui;
        }
        var veille = jour.AddDays(-1);
        return HeureParis.VersUtc(veille.ToDateTime(new TimeOnly(heure, 0))) ?? HeureParis.VersUtc(veille.ToDateTime(new TimeOnly(heure, 0)).AddHours(1))!.Value;
    }

    private string Adresse(string lien) =>
        string.IsNullOrWhiteSpace(options.Value.UrlPublique) ? lien : options.Value.UrlPublique.TrimEnd('/') + lien;
}

/// <summary>Runs <see cref="EnvoyerDigests"/> every 15 minutes for each CPTS (<c>OpenCpts:Taches:DigestNotifications</c>);
/// the digest itself goes once a day, at <c>OpenCpts:Notifications:HeureDigest</c>.</summary>
public sealed class DigestPeriodique(DependancesTache dependances) : TachePeriodique("DigestNotifications", TimeSpan.FromMinutes(15), dependances)
{
    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnvoyerDigests>().ExecuteAsync(ct);
}
