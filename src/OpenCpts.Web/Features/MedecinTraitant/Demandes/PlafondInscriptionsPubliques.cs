using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// The global hourly cap of the public form (<see cref="OptionsListeAttente.InscriptionsParHeureTotal"/>): the
/// registrations it stored in the last hour, from every address, are counted in the database, so the cap holds
/// across instances. When it is reached the form refuses, and the Coordination accounts get one e-mail per clock hour
/// (no patient data in it: only the numbers).
/// </summary>
public sealed class PlafondInscriptionsPubliques(
    OpenCptsDb db, IOptions<OptionsListeAttente> options, UsagesUniques usages, IEnvoiMessage envoi, TimeProvider horloge,
    ILogger<PlafondInscriptionsPubliques> journal)
{
    public const string MessageRefus =
        "Le formulaire reçoit exceptionnellement beaucoup de demandes : la vôtre n'a pas été enregistrée. " +
        "Réessayez dans une heure, ou appelez la CPTS.";

    /// <summary>True when the cap is reached (the submission must be refused); alerts the Coordination the first time in the hour.</summary>
    public async Task<bool> AtteintAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var depuis = maintenant.AddHours(-1);
        var nombre = await db.DemandesMedecinTraitant
            .CountAsync(d => d.Origine == OriginesDemandeMt.FormulairePublic && d.InscritLeUtc > depuis, ct);
        if (nombre < Math.Max(1, options.Value.InscriptionsParHeureTotal))
        {
            return false;
        }
        var heure = new DateTime(maintenant.Year, maintenant.Month, maintenant.Day, maintenant.Hour, 0, 0, DateTimeKind.Utc);
        if (await usages.ReserverAsync("alerte-plafond-mt:" + heure.ToString("yyyyMMddHH", CultureInfo.InvariantCulture), heure.AddHours(2), ct))
        {
            journal.LogWarning("Public registration form: {Nombre} registrations in the last hour, cap {Plafond} reached", nombre, options.Value.InscriptionsParHeureTotal);
            await AlerterAsync(nombre, ct);
        }
        return true;
    }

    private async Task AlerterAsync(int nombre, CancellationToken ct)
    {
        // The coordinators of the CPTS whose form it is, not those of every CPTS of the instance.
        var cptsId = db.Perimetre.CptsId;
        var coordination = await (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where r.Name == Roles.Coordination && u.Email != null && u.DesactiveLeUtc == null
                                      && db.Set<Comptes.Rattachement.RattachementCpts>().Any(rc => rc.UtilisateurId == u.Id && rc.CptsId == cptsId)
                                  select u.Email!).Distinct().ToListAsync(ct);
        var plafond = options.Value.InscriptionsParHeureTotal.ToString(CultureInfo.InvariantCulture);
        var texte = "Le formulaire public « Je n'ai pas de médecin traitant » a enregistré " + nombre.ToString(CultureInfo.InvariantCulture)
            + " demandes au cours de la dernière heure : le plafond de " + plafond + " par heure est atteint et les envois suivants "
            + "sont refusés jusqu'à ce que le nombre d'inscriptions de la dernière heure repasse sous le plafond.\n\n"
            + "Vérifiez sur la liste d'attente (origine « formulaire public ») qu'il ne s'agit pas d'envois automatisés. "
            + "Le plafond se règle avec OpenCpts:MedecinTraitant:InscriptionsParHeureTotal.";
        foreach (var email in coordination)
        {
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, email, "Formulaire public médecin traitant : plafond horaire atteint", texte), ct);
        }
    }
}
