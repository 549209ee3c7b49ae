using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;

/// <summary>An invitation as the invited professional sees it: the reason and urgency, not yet the patient's identity.</summary>
public sealed record InvitationRecue(long Id, string Statut, DateTime EnvoyeeLeUtc, string Motif, string Urgence, string? TypeSouhaite,
    string? Commune, DateTime FinFenetreUtc, DateTime? RendezVousUtc, string? MotifRefus);

/// <summary>An invitation as the desk sees it on the request page.</summary>
public sealed record InvitationEnvoyee(long Id, string NomProfessionnel, string Statut, DateTime EnvoyeeLeUtc, DateTime? ReponduLeUtc,
    DateTime? RendezVousUtc, string? Site, string? MotifRefus);

/// <summary>Reads surnuméraire invitations for a professional's page and for the request page.</summary>
public sealed class ConsulterInvitationsSurnumeraire(OpenCptsDb db, TimeProvider horloge)
{
    /// <summary>Invitations still to answer, and those answered or closed in the last 7 days.</summary>
    public async Task<IReadOnlyList<InvitationRecue>> RecuesAsync(int professionnelId, CancellationToken ct = default)
    {
        var depuis = horloge.GetUtcNow().UtcDateTime.AddDays(-7);
        var lignes = await db.InvitationsSurnumeraire.AsNoTracking()
            .Where(i => i.ProfessionnelId == professionnelId && (i.Statut == StatutsInvitation.EnAttente || i.EnvoyeeLeUtc >= depuis))
            .Join(db.DemandesSnp, i => i.DemandeSnpId, d => d.Id, (i, d) => new { i, d })
            .OrderByDescending(x => x.i.EnvoyeeLeUtc)
            .Select(x => new
            {
                x.i.Id,
                x.i.Statut,
                x.i.EnvoyeeLeUtc,
                x.i.RendezVousUtc,
                x.i.MotifRefus,
                Demande = x.d,
                Commune = db.Communes.Where(c => c.CodeInsee == x.d.CodeCommune).Select(c => c.Nom).FirstOrDefault(),
            })
            .Take(50)
            .ToListAsync(ct);
        return [.. lignes.Select(l => new InvitationRecue(l.Id, l.Statut, l.EnvoyeeLeUtc, l.Demande.Motif, l.Demande.Urgence, l.Demande.TypeSouhaite,
            l.Commune, FenetreUrgence.Fin(l.Demande), l.RendezVousUtc, l.MotifRefus))];
    }

    public async Task<IReadOnlyList<InvitationEnvoyee>> EnvoyeesAsync(long demandeId, CancellationToken ct = default)
    {
        var lignes = await db.InvitationsSurnumeraire.AsNoTracking()
            .Where(i => i.DemandeSnpId == demandeId)
            .Join(db.Professionnels, i => i.ProfessionnelId, p => p.Id, (i, p) => new
            {
                i.Id,
                p.CiviliteExercice,
                p.Prenom,
                p.Nom,
                i.Statut,
                i.EnvoyeeLeUtc,
                i.ReponduLeUtc,
                i.RendezVousUtc,
                Site = db.Activites.Where(a => a.Id == i.ActiviteId).Select(a => a.Enseigne ?? a.RaisonSociale ?? a.Voie).FirstOrDefault(),
                i.MotifRefus,
            })
            .OrderBy(i => i.Id)
            .ToListAsync(ct);
        return [.. lignes.Select(l => new InvitationEnvoyee(l.Id, Annuaire.Civilites.NomAffiche(l.CiviliteExercice, l.Prenom, l.Nom), l.Statut,
            l.EnvoyeeLeUtc, l.ReponduLeUtc, l.RendezVousUtc, l.Site, l.MotifRefus))];
    }
}
