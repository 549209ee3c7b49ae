using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>A line of a care-request list. <see cref="Patient"/> is null in lists that must not show identities.</summary>
public sealed record LigneDemandePec(
    long Id, string Profession, string Actes, string Commune, DateOnly Debut, string Urgence, string Statut,
    DateTime CreeLeUtc, DateTime? EscaladeeLeUtc, string? AccepteePar, bool NonVue, string? Patient, long PatientId);

/// <summary>The care-request lists of the pages: for a member, by a requester, and all of them for the Coordination.</summary>
public sealed class ListerDemandesPec(OpenCptsDb db)
{
    /// <summary>Open requests sent to the member, and those he accepted (most recent first).</summary>
    public async Task<IReadOnlyList<LigneDemandePec>> PourMoiAsync(int professionnelId, CancellationToken ct = default)
    {
        var recues = db.DestinatairesDemande.Where(x => x.ProfessionnelId == professionnelId).Select(x => x.DemandePriseEnChargeId);
        var requete = db.DemandesPriseEnCharge
            .Where(d => (d.Statut == StatutsDemandePec.Ouverte && recues.Contains(d.Id)) || d.AccepteeParProfessionnelId == professionnelId);
        var nonVues = await db.DestinatairesDemande
            .Where(x => x.ProfessionnelId == professionnelId && x.VueLeUtc == null)
            .Select(x => x.DemandePriseEnChargeId).ToListAsync(ct);
        return await LignesAsync(requete, identite: false, [.. nonVues], acceptePar: professionnelId, ct);
    }

    /// <summary>The requests posted by the user, or by his structure for an establishment account.</summary>
    public Task<IReadOnlyList<LigneDemandePec>> DuDemandeurAsync(ProfilParcours profil, CancellationToken ct = default)
    {
        var structure = profil.Etablissement ? profil.StructureId : null;
        var requete = db.DemandesPriseEnCharge.Where(d => d.CreeParUtilisateurId == profil.UtilisateurId
            || (structure != null && d.StructureDemandeuseId == structure));
        return LignesAsync(requete, identite: true, [], null, ct);
    }

    /// <summary>Every request of the CPTS, optionally one status, or only the escalated open ones.</summary>
    public Task<IReadOnlyList<LigneDemandePec>> ToutesAsync(int cptsId, string? statut, bool escaladees, CancellationToken ct = default)
    {
        var requete = db.DemandesPriseEnCharge.Where(d => d.CptsId == cptsId);
        if (escaladees)
        {
            requete = requete.Where(d => d.Statut == StatutsDemandePec.Ouverte && d.EscaladeeLeUtc != null);
        }
        else if (statut is not null)
        {
            requete = requete.Where(d => d.Statut == statut);
        }
        return LignesAsync(requete, identite: true, [], null, ct);
    }

    private async Task<IReadOnlyList<LigneDemandePec>> LignesAsync(IQueryable<DemandePriseEnCharge> requete, bool identite, HashSet<long> nonVues, int? acceptePar, CancellationToken ct)
    {
        var lignes = await requete
            .OrderByDescending(d => d.CreeLeUtc)
            .Take(500)
            .Select(d => new
            {
                d.Id,
                d.CodeProfession,
                d.Actes,
                d.CodeCommune,
                Commune = db.Communes.Where(c => c.CodeInsee == d.CodeCommune).Select(c => c.Nom).FirstOrDefault(),
                d.Debut,
                d.Urgence,
                d.Statut,
                d.CreeLeUtc,
                d.EscaladeeLeUtc,
                Accepteur = db.Professionnels.Where(p => p.Id == d.AccepteeParProfessionnelId).Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom }).FirstOrDefault(),
                d.Patient!.Nom,
                d.Patient.Prenom,
                d.PatientParcoursId,
            })
            .ToListAsync(ct);
        return [.. lignes.Select(l => new LigneDemandePec(
            l.Id,
            Terminologies.Instance.Professions.Libelle(l.CodeProfession),
            l.Actes.Replace("|", ", ", StringComparison.Ordinal),
            l.Commune ?? l.CodeCommune,
            l.Debut,
            l.Urgence,
            l.Statut,
            l.CreeLeUtc,
            l.EscaladeeLeUtc,
            l.Accepteur is null ? null : Annuaire.Civilites.NomAffiche(l.Accepteur.CiviliteExercice, l.Accepteur.Prenom, l.Accepteur.Nom),
            nonVues.Contains(l.Id),
            identite || (acceptePar is not null && l.Accepteur is not null && l.Statut == StatutsDemandePec.Acceptee) ? $"{l.Nom.ToUpperInvariant()} {l.Prenom}" : null,
            l.PatientParcoursId))];
    }
}
