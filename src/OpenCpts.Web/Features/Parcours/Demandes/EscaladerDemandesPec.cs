using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Taches;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>
/// Escalates to the Coordination the care requests still open after the CPTS's delay
/// (<see cref="ParametresParcours.DelaiEscaladeHeures"/>): each is marked once (conditional update, so two runs
/// never escalate twice) and the Coordination accounts get one e-mail listing them.
/// </summary>
public sealed class EscaladerDemandesPec(OpenCptsDb db, IEnvoiMessage envoi, TimeProvider horloge, Notifier notifier, DestinatairesNotification destinataires,
    ILogger<EscaladerDemandesPec> journal)
{
    /// <summary>Returns the number of requests escalated by this run.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var delais = await db.ParametresParcours.ToDictionaryAsync(p => p.CptsId, p => p.DelaiEscaladeHeures, ct);
        var ouvertes = await db.DemandesPriseEnCharge.AsNoTracking()
            .Where(d => d.Statut == StatutsDemandePec.Ouverte && d.EscaladeeLeUtc == null)
            .Select(d => new { d.Id, d.CptsId, d.CreeLeUtc, d.CodeProfession, d.Actes, d.CodeCommune })
            .ToListAsync(ct);
        var escaladees = new List<(long Id, int CptsId, string Texte, string Titre)>();
        foreach (var d in ouvertes)
        {
            var delai = delais.GetValueOrDefault(d.CptsId, ParametresParcours.DelaiEscaladeParDefaut);
            if (d.CreeLeUtc.AddHours(delai) > maintenant)
            {
                continue;
            }
            var n = await db.DemandesPriseEnCharge
                .Where(x => x.Id == d.Id && x.Statut == StatutsDemandePec.Ouverte && x.EscaladeeLeUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EscaladeeLeUtc, maintenant), ct);
            if (n == 1)
            {
                escaladees.Add((d.Id, d.CptsId, $"n° {d.Id} — {Terminologies.Instance.Professions.Libelle(d.CodeProfession)} : {d.Actes.Replace("|", ", ", StringComparison.Ordinal)} (commune {d.CodeCommune})",
                    $"Demande n° {d.Id} sans preneur : {Terminologies.Instance.Professions.Libelle(d.CodeProfession)}, commune {d.CodeCommune}"));
            }
        }
        if (escaladees.Count == 0)
        {
            return 0;
        }
        journal.LogInformation("{Nombre} care requests escalated to the Coordination", escaladees.Count);
        // Each CPTS's active coordinators get the list of its own requests, never another CPTS's.
        foreach (var cpts in escaladees.GroupBy(e => e.CptsId))
        {
            var coordination = await (from u in db.Users
                                      join ur in db.UserRoles on u.Id equals ur.UserId
                                      join r in db.Roles on ur.RoleId equals r.Id
                                      where r.Name == Roles.Coordination && u.Email != null && u.DesactiveLeUtc == null
                                          && db.Set<Comptes.Rattachement.RattachementCpts>().Any(rc => rc.UtilisateurId == u.Id && rc.CptsId == cpts.Key)
                                      select u.Email!).Distinct().ToListAsync(ct);
            var texte = "Ces demandes de prise en charge n'ont trouvé personne dans le délai fixé par la CPTS :\n\n"
                + string.Join("\n", cpts.Select(e => "- " + e.Texte))
                + "\n\nElles sont listées sur la page Parcours → Demandes (filtre « Escaladées »).";
            foreach (var email in coordination)
            {
                await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, email, $"{cpts.Count()} demande(s) de prise en charge sans réponse", texte), ct);
            }
        }
        foreach (var (id, cptsId, _, titre) in escaladees)
        {
            var comptes = await destinataires.DuRoleAsync(cptsId, Roles.Coordination, ct);
            await notifier.ExecuteAsync(cptsId, TypesNotification.Escalade, comptes, titre,
                $"/parcours/demandes/{id}", ct);
        }
        return escaladees.Count;
    }
}

/// <summary>Runs <see cref="EscaladerDemandesPec"/> every 5 minutes (<c>OpenCpts:Taches:EscaladeDemandesPec</c>).</summary>
public sealed class EscaladePeriodique(DependancesTache dependances) : TachePeriodique("EscaladeDemandesPec", TimeSpan.FromMinutes(5), dependances)
{
    public override Task ExecuterAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EscaladerDemandesPec>().ExecuteAsync(ct);
}
