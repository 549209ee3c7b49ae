using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;

public abstract record ResultatEnvoiSurnumeraire
{
    private ResultatEnvoiSurnumeraire() { }

    /// <summary>Number of professionals newly invited (those already invited are skipped).</summary>
    public sealed record Envoyee(int Invites) : ResultatEnvoiSurnumeraire;
    public sealed record Introuvable : ResultatEnvoiSurnumeraire;
    public sealed record Invalide(string Message) : ResultatEnvoiSurnumeraire;
}

/// <summary>
/// No slot fits an open request: the desk invites chosen member professionals to see the patient as an
/// extra appointment. Each one is told by e-mail, without the patient's identity (he sees it once he accepts);
/// the e-mail carries no health data, only the urgency: the reason is read on the platform.
/// </summary>
public sealed class EnvoyerSurnumeraire(OpenCptsDb db, CptsCourante cpts, TimeProvider horloge, IEnvoiMessage envoi, ILogger<EnvoyerSurnumeraire> journal)
{
    public async Task<ResultatEnvoiSurnumeraire> ExecuteAsync(long demandeId, IReadOnlyCollection<int> professionnels, string? par, CancellationToken ct = default)
    {
        var demande = await db.DemandesSnp.AsNoTracking().FirstOrDefaultAsync(d => d.Id == demandeId, ct);
        if (demande is null)
        {
            return new ResultatEnvoiSurnumeraire.Introuvable();
        }
        if (demande.Statut != StatutsDemande.Ouverte)
        {
            return new ResultatEnvoiSurnumeraire.Invalide("Cette demande n'est plus ouverte.");
        }
        if (professionnels.Count == 0)
        {
            return new ResultatEnvoiSurnumeraire.Invalide("Choisissez au moins un professionnel.");
        }
        var courante = await cpts.ObtenirAsync(ct);
        var ids = professionnels.Distinct().ToList();
        var deja = await db.InvitationsSurnumeraire.Where(i => i.DemandeSnpId == demandeId).Select(i => i.ProfessionnelId).ToListAsync(ct);
        // Only members of the CPTS can be invited, whatever the form posted.
        var destinataires = await db.Professionnels.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && !deja.Contains(p.Id) && p.Adhesions.Any(a => a.CptsId == courante.Id))
            .Select(p => new
            {
                p.Id,
                Email = db.Users.Where(u => u.ProfessionnelId == p.Id && u.Email != null).Select(u => u.Email).FirstOrDefault() ?? p.Email,
            })
            .ToListAsync(ct);
        if (destinataires.Count == 0)
        {
            return new ResultatEnvoiSurnumeraire.Invalide("Aucun des professionnels choisis ne peut être invité (déjà invité ou non membre).");
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        db.InvitationsSurnumeraire.AddRange(destinataires.Select(d => new InvitationSurnumeraire
        {
            DemandeSnpId = demandeId,
            ProfessionnelId = d.Id,
            EnvoyeeLeUtc = maintenant,
            EnvoyeePar = par,
            Statut = StatutsInvitation.EnAttente,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another operator invited one of them at the same moment.
            db.ChangeTracker.Clear();
            return new ResultatEnvoiSurnumeraire.Invalide("Un des professionnels vient d'être invité par un autre opérateur : rechargez la page.");
        }
        journal.LogInformation("Request {DemandeId}: {Nombre} surnuméraire invitations sent by {Utilisateur}", demandeId, destinataires.Count, par);

        var fin = FenetreUrgence.Fin(demande);
        var texte = $"Bonjour, la régulation de la CPTS vous propose de recevoir en surnuméraire un patient sans créneau disponible "
            + $"({UrgencesDemande.Libelle(demande.Urgence).ToLowerInvariant()}, avant le {Infrastructure.Web.Affichage.DateHeure(fin)}). "
            + "Le motif est visible sur votre page « Mes rendez-vous » de la plateforme, où vous acceptez ou refusez. "
            + "La première acceptation est retenue.";
        foreach (var d in destinataires.Where(d => !string.IsNullOrEmpty(d.Email)))
        {
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, d.Email!, "Demande de soins non programmés en surnuméraire", texte), ct);
        }
        return new ResultatEnvoiSurnumeraire.Envoyee(destinataires.Count);
    }
}

/// <summary>When an accepted surnuméraire appointment may start, from the request's urgency.</summary>
public static class FenetreUrgence
{
    /// <summary>
    /// "Dans la journée": before midnight (Europe/Paris) ending the day the request was taken;
    /// "Sous 48 h": within 48 hours of the request.
    /// </summary>
    public static DateTime Fin(DemandeSnp demande) => demande.Urgence == UrgencesDemande.JourMeme
        ? HeureParis.DebutDuJourUtc(HeureParis.Jour(demande.CreeLeUtc).AddDays(1))
        : demande.CreeLeUtc.AddHours(48);
}
