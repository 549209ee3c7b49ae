using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>When a discharge plan is at risk: items still missing less than 48 hours before the planned day.</summary>
public static class RisqueSortie
{
    public static readonly TimeSpan Preavis = TimeSpan.FromHours(48);

    /// <summary>Whether an item counts as missing for the alert: not done and due by the discharge day (or undated).</summary>
    public static bool Manquant(ElementSortie e, DateOnly dateSortie) =>
        e.FaitLeUtc is null && (e.Echeance is null || e.Echeance <= dateSortie);

    /// <summary>True when the plan is in preparation, within 48 h of its day, and still misses items.</summary>
    public static bool EstARisque(string statut, DateOnly dateSortie, int manquants, DateTime maintenantUtc) =>
        statut == StatutsPlanSortie.EnPreparation && manquants > 0 && HeureParis.DebutDuJourUtc(dateSortie) - maintenantUtc <= Preavis;
}

/// <summary>
/// The 48-hour alert: for every plan in preparation whose planned day starts within 48 hours and that still misses
/// items due by that day, one e-mail to the hospital contact and one to the CPTS, listing the missing items. Sent
/// once per plan: the plan is claimed by a conditional update of <see cref="PlanSortie.AlerteEnvoyeeLeUtc"/> before
/// anything is sent, so two runs (two instances, a slow tick) cannot both send it.
/// The CPTS copy goes to the CPTS's e-mail address (<c>Cpts.Email</c>) when it has one, otherwise to every
/// Coordination account. The e-mails carry the patient's initials and year of birth, never his name: the plan's
/// page shows the rest to those allowed to see it.
/// </summary>
public sealed class EnvoyerAlertesSortie(OpenCptsDb db, IEnvoiMessage envoi, TimeProvider horloge, Notifier notifier, DestinatairesNotification aNotifier,
    ILogger<EnvoyerAlertesSortie> journal)
{
    /// <summary>Sends the due alerts; returns how many plans were alerted.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // Every day whose midnight (Paris) is within 48 h is at most three calendar days ahead.
        var borne = HeureParis.Jour(maintenant).AddDays(3);
        var candidats = await db.PlansSortie.AsNoTracking()
            .Where(p => p.Statut == StatutsPlanSortie.EnPreparation && p.AlerteEnvoyeeLeUtc == null && p.DateSortiePrevue <= borne)
            .Include(p => p.Elements)
            .Include(p => p.Patient)
            .ToListAsync(ct);
        var envoyes = 0;
        foreach (var plan in candidats)
        {
            var manquants = plan.Elements.Where(e => RisqueSortie.Manquant(e, plan.DateSortiePrevue)).OrderBy(e => e.Ordre).ToList();
            if (!RisqueSortie.EstARisque(plan.Statut, plan.DateSortiePrevue, manquants.Count, maintenant))
            {
                continue;
            }
            var reclame = await db.PlansSortie
                .Where(p => p.Id == plan.Id && p.AlerteEnvoyeeLeUtc == null && p.Statut == StatutsPlanSortie.EnPreparation)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AlerteEnvoyeeLeUtc, maintenant), ct);
            if (reclame == 0)
            {
                continue;
            }
            await EnvoyerAsync(plan, manquants, ct);
            envoyes++;
        }
        return envoyes;
    }

    private async Task EnvoyerAsync(PlanSortie plan, List<ElementSortie> manquants, CancellationToken ct)
    {
        var structure = plan.StructureId is { } sid
            ? await db.Structures.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Nom).FirstOrDefaultAsync(ct)
            : null;
        var sujet = $"Sortie du {plan.DateSortiePrevue.ToString("dd/MM/yyyy", PlateformeWeb.Francais)} : {manquants.Count} élément(s) manquant(s)";
        var texte = Texte(plan, structure, manquants);
        var destinataires = new List<string>();
        if (!string.IsNullOrWhiteSpace(plan.ContactEmail))
        {
            destinataires.Add(plan.ContactEmail.Trim());
        }
        destinataires.AddRange(await AdressesCptsAsync(plan.CptsId, ct));
        foreach (var adresse in destinataires.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, adresse, sujet, texte), ct);
        }
        // The establishment's accounts and the Coordination in their notification centre.
        var comptes = plan.StructureId is { } etablissement
            ? await aNotifier.DesStructuresAsync(plan.CptsId, [etablissement], ct)
            : [];
        comptes.AddRange(await aNotifier.DuRoleAsync(plan.CptsId, Roles.Coordination, ct));
        await notifier.ExecuteAsync(plan.CptsId, TypesNotification.AlerteSortie, comptes,
            $"Sortie du {plan.DateSortiePrevue.ToString("dd/MM/yyyy", PlateformeWeb.Francais)} (patient {Notifier.Initiales(plan.Patient!.Prenom, plan.Patient.Nom)}) : "
            + $"{manquants.Count} élément(s) manquant(s)", $"/parcours/sorties/{plan.Id}", ct);
        journal.LogInformation("Discharge plan {Plan}: 48-hour alert sent to {Nombre} address(es), {Manquants} item(s) missing",
            plan.Id, destinataires.Count, manquants.Count);
    }

    private async Task<List<string>> AdressesCptsAsync(int cptsId, CancellationToken ct)
    {
        var email = await db.Cpts.AsNoTracking().Where(c => c.Id == cptsId).Select(c => c.Email).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(email))
        {
            return [email.Trim()];
        }
        var role = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Coordination).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await db.UserRoles.Where(ur => ur.RoleId == role)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u.Email)
            .Where(e => e != null)
            .Select(e => e!)
            .OrderBy(e => e)
            .ToListAsync(ct);
    }

    private static string Texte(PlanSortie plan, string? structure, List<ElementSortie> manquants)
    {
        var patient = plan.Patient!;
        var initiales = $"{Initiale(patient.Prenom)}{Initiale(patient.Nom)}";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Plan de sortie n° {plan.Id} — patient {initiales}, né(e) en {patient.DateNaissance.Year}, ");
        sb.Append(CultureInfo.InvariantCulture, $"sortie prévue le {plan.DateSortiePrevue.ToString("dd/MM/yyyy", PlateformeWeb.Francais)}");
        if (structure is not null)
        {
            sb.Append(" (").Append(structure).Append(plan.Service is null ? "" : " — " + plan.Service).Append(')');
        }
        sb.AppendLine(".");
        sb.AppendLine("Éléments de la liste de sortie encore manquants :");
        foreach (var e in manquants)
        {
            sb.Append("- ").Append(e.Libelle);
            if (!string.IsNullOrWhiteSpace(e.Responsable))
            {
                sb.Append(" (").Append(e.Responsable).Append(')');
            }
            if (e.Echeance is { } echeance)
            {
                sb.Append(", échéance le ").Append(echeance.ToString("dd/MM/yyyy", PlateformeWeb.Francais));
            }
            sb.AppendLine();
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"Ouvrez le plan sur la plateforme OpenCPTS : /parcours/sorties/{plan.Id}");
        sb.Append("La CPTS");
        return sb.ToString();
    }

    private static string Initiale(string s) => string.IsNullOrWhiteSpace(s) ? "" : char.ToUpperInvariant(s.Trim()[0]) + ".";
}
