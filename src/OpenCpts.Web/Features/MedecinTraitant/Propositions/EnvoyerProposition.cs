using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

public abstract record ResultatEnvoiProposition
{
    /// <param name="Envoyees">Lines sent to GPs.</param>
    /// <param name="Ecartees">Lines dropped because the request left the waiting list or the GP has no room left since the draft.</param>
    public sealed record Envoyee(int Envoyees, int Ecartees) : ResultatEnvoiProposition;
    public sealed record Introuvable : ResultatEnvoiProposition;
    public sealed record PasUnBrouillon : ResultatEnvoiProposition;
}

/// <summary>
/// Sends a reviewed draft: each line awaits its GP's answer, each request becomes <see cref="StatutsDemandeMt.Proposee"/>
/// (history row with who and when), and each GP receives a notice without patient data (he reads the patients on his
/// page, where reads are audited). One transaction; the draft → sent change is a conditional update, so two clicks
/// send once. A request is moved only while still waiting, and a GP never gets more lines than his room today.
/// </summary>
public sealed class EnvoyerProposition(OpenCptsDb db, ChargerDonneesAppariement charger, IEnvoiMessage envoi, TimeProvider horloge,
    Notifier notifier, DestinatairesNotification destinataires)
{
    public async Task<ResultatEnvoiProposition> ExecuteAsync(long propositionId, string? par, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (!await db.PropositionsAppariement.AnyAsync(p => p.Id == propositionId, ct))
        {
            return new ResultatEnvoiProposition.Introuvable();
        }
        var medecins = (await charger.MedecinsAsync(null, ct)).ToDictionary(m => m.ProfessionnelId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var passee = await db.PropositionsAppariement
            .Where(p => p.Id == propositionId && p.Statut == StatutsProposition.Brouillon)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Statut, StatutsProposition.Envoyee).SetProperty(p => p.EnvoyeeLeUtc, maintenant), ct);
        if (passee == 0)
        {
            return new ResultatEnvoiProposition.PasUnBrouillon();
        }
        var lignes = await db.AffectationsMt
            .Where(a => a.PropositionAppariementId == propositionId && a.Statut == StatutsAffectation.Proposee)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var places = new Dictionary<int, int>();
        int envoyees = 0, ecartees = 0;
        foreach (var ligne in lignes)
        {
            var place = places.GetValueOrDefault(ligne.ProfessionnelId);
            var medecin = medecins.GetValueOrDefault(ligne.ProfessionnelId);
            var deplacee = medecin is { Capacite.EnPause: false } && place < medecin.CapaciteRestante
                && await db.DemandesMedecinTraitant
                    .Where(d => d.Id == ligne.DemandeMedecinTraitantId && d.Statut == StatutsDemandeMt.EnAttente)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Statut, StatutsDemandeMt.Proposee), ct) == 1;
            if (!deplacee)
            {
                ligne.Statut = StatutsAffectation.Retiree;
                ecartees++;
                continue;
            }
            places[ligne.ProfessionnelId] = place + 1;
            ligne.Statut = StatutsAffectation.EnAttenteReponse;
            db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
            {
                DemandeMedecinTraitantId = ligne.DemandeMedecinTraitantId,
                AncienStatut = StatutsDemandeMt.EnAttente,
                NouveauStatut = StatutsDemandeMt.Proposee,
                Commentaire = $"Proposée à {medecin!.NomAffiche}",
                Par = par,
                LeUtc = maintenant,
            });
            envoyees++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var ids = places.Keys.ToList();
        var courriels = await db.Professionnels.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Email != null)
            .Select(p => new { p.Id, p.Email }).ToListAsync(ct);
        foreach (var c in courriels)
        {
            await envoi.EnvoyerAsync(new Message(CanauxMessage.Email, c.Email!, "CPTS : nouveaux patients proposés",
                $"Bonjour,\n\nLa CPTS vous propose {places[c.Id]} patient(s) sans médecin traitant, selon la capacité que vous avez déclarée.\n" +
                "Merci d'accepter ou de refuser chaque proposition sur la page « Mes patients proposés » de la plateforme (/medecin-traitant/mes-patients).\n\nLa coordination de la CPTS"), ct);
        }
        var cptsId = await db.PropositionsAppariement.Where(p => p.Id == propositionId).Select(p => p.CptsId).FirstAsync(ct);
        foreach (var (medecin, nombre) in places)
        {
            var comptes = await destinataires.DesProfessionnelsAsync(cptsId, [medecin], ct);
            await notifier.ExecuteAsync(cptsId, TypesNotification.PropositionMt, comptes,
                $"{nombre} patient(s) sans médecin traitant vous sont proposés : merci de répondre", "/medecin-traitant/mes-patients", ct);
        }
        return new ResultatEnvoiProposition.Envoyee(envoyees, ecartees);
    }
}
