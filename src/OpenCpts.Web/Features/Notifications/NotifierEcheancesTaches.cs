using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Taches;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Notifications;

/// <summary>
/// Tells the responsible professional of each open pathway task that it is due today or overdue (Paris day), once per
/// task: the task is claimed by a conditional update of <see cref="Parcours.Modeles.TacheParcours.EcheanceNotifieeLeUtc"/>
/// before the notification, so two runs never notify it twice. The title names the due day and the patient's
/// initials, not the step (its label may be clinical); the link opens "Mes tâches".
/// </summary>
public sealed class NotifierEcheancesTaches(OpenCptsDb db, Notifier notifier, DestinatairesNotification destinataires, TimeProvider horloge)
{
    /// <summary>Returns the number of tasks notified.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        var taches = await (
            from t in db.TachesParcours
            where t.FaiteLeUtc == null && t.EcheanceNotifieeLeUtc == null && t.Echeance <= aujourdhui && t.ResponsableProfessionnelId != null
            join p in db.PatientsParcours on t.PatientParcoursId equals p.Id
            orderby t.Id
            select new { t.Id, t.CptsId, t.Echeance, Responsable = t.ResponsableProfessionnelId!.Value, p.Prenom, p.Nom })
            .AsNoTracking().ToListAsync(ct);
        var notifiees = 0;
        foreach (var t in taches)
        {
            var reclamee = await db.TachesParcours.Where(x => x.Id == t.Id && x.EcheanceNotifieeLeUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EcheanceNotifieeLeUtc, maintenant), ct);
            if (reclamee == 0)
            {
                continue;
            }
            var quand = t.Echeance == aujourdhui
                ? "à échéance aujourd'hui"
                : $"en retard (échéance le {t.Echeance.ToString("dd/MM/yyyy", PlateformeWeb.Francais)})";
            var comptes = await destinataires.DesProfessionnelsAsync(t.CptsId, [t.Responsable], ct);
            await notifier.ExecuteAsync(t.CptsId, TypesNotification.TacheEcheance, comptes,
                $"Tâche de parcours {quand} (patient {Notifier.Initiales(t.Prenom, t.Nom)})", "/parcours/mes-taches", ct);
            notifiees++;
        }
        return notifiees;
    }
}

/// <summary>Runs <see cref="NotifierEcheancesTaches"/> every hour (<c>OpenCpts:Taches:EcheancesTaches</c>).</summary>
public sealed class EcheancesTachesPeriodique(DependancesTache dependances) : TachePeriodique("EcheancesTaches", TimeSpan.FromHours(1), dependances)
{
    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<NotifierEcheancesTaches>().ExecuteAsync(ct);
}
