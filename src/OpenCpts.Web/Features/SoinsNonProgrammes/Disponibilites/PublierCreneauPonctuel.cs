using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>The form of a one-off slot; the start is in Europe/Paris local time.</summary>
public sealed class SaisieCreneauPonctuel
{
    [Display(Name = "Date")]
    public DateOnly Date { get; set; }
    [Display(Name = "Heure")]
    public TimeOnly Heure { get; set; } = new(12, 0);
    [Display(Name = "Durée (minutes)")]
    public int DureeMinutes { get; set; } = 20;
    [Display(Name = "Type de consultation")]
    public string TypeConsultation { get; set; } = TypesConsultation.Cabinet;
    [Display(Name = "Visibilité")]
    public string Visibilite { get; set; } = Visibilites.Snp;
    [Display(Name = "Sur rendez-vous")]
    public bool AvecRendezVous { get; set; } = true;
    [Display(Name = "Motif (facultatif)")]
    public string? Motif { get; set; }
    [Display(Name = "Lieu d'exercice")]
    public int? ActiviteId { get; set; }
}

public abstract record ResultatCreneauPonctuel
{
    public sealed record Publie(long Id) : ResultatCreneauPonctuel;
    public sealed record Refuse(string Message) : ResultatCreneauPonctuel;
}

/// <summary>Publishes one slot outside any pattern, refusing an overlap with another slot of the professional.</summary>
public sealed class PublierCreneauPonctuel(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<ResultatCreneauPonctuel> ExecuteAsync(int professionnelId, SaisieCreneauPonctuel s, CancellationToken ct = default)
    {
        if (s.DureeMinutes is < EnregistrerModele.DureeMin or > EnregistrerModele.DureeMax)
        {
            return new ResultatCreneauPonctuel.Refuse($"La durée doit être comprise entre {EnregistrerModele.DureeMin} et {EnregistrerModele.DureeMax} minutes.");
        }
        if (!TypesConsultation.Tous.Contains(s.TypeConsultation) || !Visibilites.Toutes.Contains(s.Visibilite))
        {
            return new ResultatCreneauPonctuel.Refuse("Type de consultation ou visibilité inconnu.");
        }
        if (s.Motif is { Length: > 200 })
        {
            return new ResultatCreneauPonctuel.Refuse("Le motif ne peut pas dépasser 200 caractères.");
        }
        if (HeureParis.VersUtc(s.Date.ToDateTime(s.Heure)) is not { } debut)
        {
            return new ResultatCreneauPonctuel.Refuse("Cette heure n'existe pas ce jour-là (passage à l'heure d'été).");
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (debut <= maintenant)
        {
            return new ResultatCreneauPonctuel.Refuse("Le créneau doit commencer dans le futur.");
        }
        if (s.ActiviteId is { } activite && !await db.Activites.AnyAsync(a => a.Id == activite && a.ProfessionnelId == professionnelId, ct))
        {
            return new ResultatCreneauPonctuel.Refuse("Ce lieu d'exercice n'appartient pas au professionnel.");
        }
        var fin = debut.AddMinutes(s.DureeMinutes);
        var chevauchement = await db.CreneauxSnp
            .Where(c => c.ProfessionnelId == professionnelId && c.Statut != StatutsCreneau.Retire && c.DebutUtc < fin && c.FinUtc > debut)
            .OrderBy(c => c.DebutUtc)
            .Select(c => (DateTime?)c.DebutUtc)
            .FirstOrDefaultAsync(ct);
        if (chevauchement is { } autre)
        {
            return new ResultatCreneauPonctuel.Refuse(
                $"Ce créneau chevauche un autre créneau du professionnel (le {Infrastructure.Web.Affichage.DateHeure(autre)}). Choisissez une autre heure.");
        }
        // A withdrawn slot may still hold this start (unique per professional): reuse it.
        var creneau = await db.CreneauxSnp.FirstOrDefaultAsync(c => c.ProfessionnelId == professionnelId && c.DebutUtc == debut, ct);
        if (creneau is null)
        {
            creneau = new CreneauSnp { ProfessionnelId = professionnelId, DebutUtc = debut, CreeLeUtc = maintenant };
            db.CreneauxSnp.Add(creneau);
        }
        creneau.ModeleDisponibiliteId = null;
        creneau.FinUtc = fin;
        creneau.ActiviteId = s.ActiviteId;
        creneau.TypeConsultation = s.TypeConsultation;
        creneau.Visibilite = s.Visibilite;
        creneau.AvecRendezVous = s.AvecRendezVous;
        creneau.Motif = string.IsNullOrWhiteSpace(s.Motif) ? null : s.Motif.Trim();
        creneau.Statut = StatutsCreneau.Libre;
        creneau.MisAJourLeUtc = maintenant;
        await db.SaveChangesAsync(ct);
        return new ResultatCreneauPonctuel.Publie(creneau.Id);
    }
}
