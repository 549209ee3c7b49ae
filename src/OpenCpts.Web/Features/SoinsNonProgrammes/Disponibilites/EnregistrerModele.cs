using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>The form of a weekly pattern (creation when <see cref="Id"/> is null).</summary>
public sealed class SaisieModele
{
    public int? Id { get; set; }
    [Display(Name = "Jour")]
    public DayOfWeek JourSemaine { get; set; } = DayOfWeek.Tuesday;
    [Display(Name = "Début")]
    public TimeOnly HeureDebut { get; set; } = new(17, 0);
    [Display(Name = "Fin")]
    public TimeOnly HeureFin { get; set; } = new(19, 0);
    [Display(Name = "Durée d'un créneau (minutes)")]
    public int DureeCreneauMinutes { get; set; } = 20;
    [Display(Name = "À partir du")]
    public DateOnly DateDebut { get; set; }
    [Display(Name = "Jusqu'au (facultatif)")]
    public DateOnly? DateFin { get; set; }
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

public abstract record ResultatEnregistrementModele
{
    public sealed record Enregistre(int Id, ResultatMaterialisation Materialisation) : ResultatEnregistrementModele;
    /// <summary>Field name → French message.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatEnregistrementModele;
    public sealed record Introuvable : ResultatEnregistrementModele;
}

/// <summary>
/// Creates or edits a weekly pattern of a professional and materialises it at once; an edit withdraws
/// the future free slots that no longer fit and keeps the booked ones.
/// </summary>
public sealed class EnregistrerModele(OpenCptsDb db, TimeProvider horloge, MaterialiserCreneaux materialiser)
{
    public const int DureeMin = 5;
    public const int DureeMax = 240;

    public async Task<ResultatEnregistrementModele> ExecuteAsync(int professionnelId, SaisieModele saisie, CancellationToken ct = default)
    {
        var erreurs = await ValiderAsync(professionnelId, saisie, ct);
        if (erreurs.Count > 0)
        {
            return new ResultatEnregistrementModele.Invalide(erreurs);
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        ModeleDisponibilite? modele;
        if (saisie.Id is { } id)
        {
            modele = await db.ModelesDisponibilite.FirstOrDefaultAsync(m => m.Id == id && m.ProfessionnelId == professionnelId && !m.Archive, ct);
            if (modele is null)
            {
                return new ResultatEnregistrementModele.Introuvable();
            }
        }
        else
        {
            modele = new ModeleDisponibilite { ProfessionnelId = professionnelId, CreeLeUtc = maintenant };
            db.ModelesDisponibilite.Add(modele);
        }
        modele.JourSemaine = saisie.JourSemaine;
        modele.HeureDebut = saisie.HeureDebut;
        modele.HeureFin = saisie.HeureFin;
        modele.DureeCreneauMinutes = saisie.DureeCreneauMinutes;
        modele.DateDebut = saisie.DateDebut;
        modele.DateFin = saisie.DateFin;
        modele.TypeConsultation = saisie.TypeConsultation;
        modele.Visibilite = saisie.Visibilite;
        modele.AvecRendezVous = saisie.AvecRendezVous;
        modele.Motif = string.IsNullOrWhiteSpace(saisie.Motif) ? null : saisie.Motif.Trim();
        modele.ActiviteId = saisie.ActiviteId;
        modele.MisAJourLeUtc = maintenant;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new ResultatEnregistrementModele.Enregistre(modele.Id, await materialiser.ModeleAsync(modele.Id, ct));
    }

    private async Task<ErreursValidation> ValiderAsync(int professionnelId, SaisieModele s, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        if (!Enum.IsDefined(s.JourSemaine))
        {
            erreurs[nameof(s.JourSemaine)] = ["Choisissez un jour de la semaine."];
        }
        if (s.HeureFin <= s.HeureDebut)
        {
            erreurs[nameof(s.HeureFin)] = ["L'heure de fin doit être après l'heure de début."];
        }
        if (s.DureeCreneauMinutes is < DureeMin or > DureeMax)
        {
            erreurs[nameof(s.DureeCreneauMinutes)] = [$"La durée d'un créneau doit être comprise entre {DureeMin} et {DureeMax} minutes."];
        }
        else if (s.HeureFin > s.HeureDebut && (s.HeureFin - s.HeureDebut).TotalMinutes < s.DureeCreneauMinutes)
        {
            erreurs[nameof(s.HeureFin)] = ["La plage horaire est plus courte qu'un créneau."];
        }
        if (s.DateFin is { } fin && fin < s.DateDebut)
        {
            erreurs[nameof(s.DateFin)] = ["La date de fin ne peut pas précéder la date de début."];
        }
        if (!TypesConsultation.Tous.Contains(s.TypeConsultation))
        {
            erreurs[nameof(s.TypeConsultation)] = ["Type de consultation inconnu."];
        }
        if (!Visibilites.Toutes.Contains(s.Visibilite))
        {
            erreurs[nameof(s.Visibilite)] = ["Visibilité inconnue."];
        }
        if (s.Motif is { Length: > 200 })
        {
            erreurs[nameof(s.Motif)] = ["Le motif ne peut pas dépasser 200 caractères."];
        }
        if (s.ActiviteId is { } activite && !await db.Activites.AnyAsync(a => a.Id == activite && a.ProfessionnelId == professionnelId, ct))
        {
            erreurs[nameof(s.ActiviteId)] = ["Ce lieu d'exercice n'appartient pas au professionnel."];
        }
        return erreurs;
    }
}
