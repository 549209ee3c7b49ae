using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>A weekly pattern with how many free slots it still offers.</summary>
public sealed record ModeleListe(ModeleDisponibilite Modele, int CreneauxLibres, int CreneauxReserves);

/// <summary>An upcoming one-off slot.</summary>
public sealed record CreneauPonctuelListe(long Id, DateTime DebutUtc, DateTime FinUtc, string TypeConsultation, string Visibilite, string Statut);

public sealed record Disponibilites(IReadOnlyList<ModeleListe> Modeles, IReadOnlyList<CreneauPonctuelListe> Ponctuels);

/// <summary>The running patterns and upcoming one-off slots of a professional.</summary>
public sealed class ListerDisponibilites(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<Disponibilites> ExecuteAsync(int professionnelId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var modeles = await db.ModelesDisponibilite.AsNoTracking()
            .Where(m => m.ProfessionnelId == professionnelId && !m.Archive)
            .OrderBy(m => m.JourSemaine).ThenBy(m => m.HeureDebut)
            .ToListAsync(ct);
        // One grouped query for the counts of every pattern.
        var comptes = await db.CreneauxSnp
            .Where(c => c.ProfessionnelId == professionnelId && c.DebutUtc > maintenant && c.ModeleDisponibiliteId != null && c.Statut != StatutsCreneau.Retire)
            .GroupBy(c => new { c.ModeleDisponibiliteId, c.Statut })
            .Select(g => new { g.Key.ModeleDisponibiliteId, g.Key.Statut, N = g.Count() })
            .ToListAsync(ct);
        int Compte(int id, string statut) => comptes.Where(c => c.ModeleDisponibiliteId == id && c.Statut == statut).Sum(c => c.N);
        var ponctuels = await db.CreneauxSnp
            .Where(c => c.ProfessionnelId == professionnelId && c.ModeleDisponibiliteId == null && c.DebutUtc > maintenant && c.Statut != StatutsCreneau.Retire)
            .OrderBy(c => c.DebutUtc)
            .Select(c => new CreneauPonctuelListe(c.Id, c.DebutUtc, c.FinUtc, c.TypeConsultation, c.Visibilite, c.Statut))
            .ToListAsync(ct);
        return new Disponibilites(
            [.. modeles.Select(m => new ModeleListe(m, Compte(m.Id, StatutsCreneau.Libre), Compte(m.Id, StatutsCreneau.Reserve)))],
            ponctuels);
    }
}
