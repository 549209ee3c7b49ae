using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

public sealed record SaisieDemande(SaisieIdentite Patient, string? Motif, string? Urgence, string? TypeSouhaite, bool AMedecinTraitant, string? NomMedecinTraitant);

public abstract record ResultatDemande
{
    private ResultatDemande() { }

    public sealed record Creee(long Id) : ResultatDemande;
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatDemande;
}

/// <summary>Records a patient's call at the regulation desk, before a slot is looked for.</summary>
public sealed class CreerDemande(OpenCptsDb db, ValiderIdentitePatient validation, TimeProvider horloge)
{
    public async Task<ResultatDemande> ExecuteAsync(SaisieDemande saisie, string? par, CancellationToken ct = default)
    {
        var (patient, erreurs) = await validation.ExecuteAsync(saisie.Patient, ReserverCreneau.Exigences, ct);
        var motif = saisie.Motif?.Trim();
        if (string.IsNullOrEmpty(motif))
        {
            erreurs["Motif"] = ["Le motif est obligatoire."];
        }
        else if (motif.Length > 500)
        {
            erreurs["Motif"] = ["Le motif ne doit pas dépasser 500 caractères."];
        }
        if (saisie.Urgence is null || !UrgencesDemande.Toutes.Contains(saisie.Urgence))
        {
            erreurs["Urgence"] = ["Choisissez l'urgence : dans la journée ou sous 48 h."];
        }
        var type = string.IsNullOrEmpty(saisie.TypeSouhaite) ? null : saisie.TypeSouhaite;
        if (type is not null && !TypesConsultation.Tous.Contains(type))
        {
            erreurs["TypeSouhaite"] = ["Type de consultation inconnu."];
        }
        var medecin = saisie.AMedecinTraitant ? saisie.NomMedecinTraitant?.Trim() : null;
        if (medecin is { Length: > 200 })
        {
            erreurs["NomMedecinTraitant"] = ["Le nom du médecin traitant ne doit pas dépasser 200 caractères."];
        }
        if (patient is null || erreurs.Count > 0)
        {
            return new ResultatDemande.Invalide(erreurs);
        }
        var demande = new DemandeSnp
        {
            NomPatient = patient.Nom,
            PrenomPatient = patient.Prenom,
            DateNaissance = patient.DateNaissance,
            Telephone = patient.Telephone,
            Email = patient.Email,
            CodeCommune = patient.CommuneInsee,
            Ins = patient.Ins,
            Motif = motif!,
            Urgence = saisie.Urgence!,
            TypeSouhaite = type,
            AMedecinTraitant = saisie.AMedecinTraitant,
            NomMedecinTraitant = string.IsNullOrEmpty(medecin) ? null : medecin,
            Statut = StatutsDemande.Ouverte,
            CreePar = par,
            CreeLeUtc = horloge.GetUtcNow().UtcDateTime,
        };
        db.DemandesSnp.Add(demande);
        await db.SaveChangesAsync(ct);
        return new ResultatDemande.Creee(demande.Id);
    }
}
