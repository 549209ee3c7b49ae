using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>
/// Sends a care request to the members who match it now (<see cref="TrouverMembresPourDemande"/>) and are not
/// recipients yet: they become recipients (who may read and accept it) and get an e-mail without the patient's
/// identity. Used when the request is posted and when it is re-broadcast (<see cref="RediffuserDemandePec"/>).
/// </summary>
public sealed class DiffuserDemandePec(OpenCptsDb db, TrouverMembresPourDemande trouver, IEnvoiMessage envoi, IOptions<OptionsParcours> options, TimeProvider horloge,
    Notifier notifier, DestinatairesNotification destinataires)
{
    /// <summary>The number of new recipients.</summary>
    public async Task<int> ExecuteAsync(DemandePriseEnCharge demande, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var correspondants = await trouver.ExecuteAsync(
            new BesoinPriseEnCharge(demande.CptsId, demande.CodeProfession, [.. demande.ListeActes], demande.CodeCommune, demande.Debut), ct);
        var deja = (await db.DestinatairesDemande.Where(x => x.DemandePriseEnChargeId == demande.Id).Select(x => x.ProfessionnelId).ToListAsync(ct)).ToHashSet();
        var nouveaux = correspondants.Where(c => !deja.Contains(c.ProfessionnelId)).ToList();
        if (nouveaux.Count == 0)
        {
            return 0;
        }
        db.DestinatairesDemande.AddRange(nouveaux.Select(d => new DestinataireDemande
        {
            DemandePriseEnChargeId = demande.Id,
            ProfessionnelId = d.ProfessionnelId,
            NotifieLeUtc = maintenant,
        }));
        await db.SaveChangesAsync(ct);

        var nomCommune = await db.Communes.Where(c => c.CodeInsee == demande.CodeCommune).Select(c => c.Nom).FirstOrDefaultAsync(ct);
        var urlPublique = options.Value.UrlPublique;
        var lien = string.IsNullOrWhiteSpace(urlPublique)
            ? $"sur la plateforme de la CPTS (Parcours → Demandes, n° {demande.Id})"
            : $"sur {urlPublique.TrimEnd('/')}/parcours/demandes/{demande.Id}";
        var texte = PosterDemandePec.Resume(demande, nomCommune)
            + $"\n\nOuvrez la demande {lien} pour voir le détail et l'accepter. La première acceptation est retenue.";
        foreach (var d in nouveaux.Where(d => !string.IsNullOrEmpty(d.Email)))
        {
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, d.Email!, "Demande de prise en charge — " + UrgencesDemandePec.Libelle(demande.Urgence), texte), ct);
        }
        // In the notification centre too (and by e-mail/SMS per each account's choice): the need, never the patient.
        var comptes = await destinataires.DesProfessionnelsAsync(demande.CptsId, [.. nouveaux.Select(n => n.ProfessionnelId)], ct);
        await notifier.ExecuteAsync(demande.CptsId, TypesNotification.DemandePec, comptes,
            $"Demande de prise en charge ({UrgencesDemandePec.Libelle(demande.Urgence).ToLowerInvariant()}) : "
            + $"{Infrastructure.Terminologies.Terminologies.Instance.Professions.Libelle(demande.CodeProfession)}, {nomCommune ?? demande.CodeCommune}",
            $"/parcours/demandes/{demande.Id}", ct);
        return nouveaux.Count;
    }
}
