using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>A discharge plan as typed in the form or the API. The hospital is given by id or by FINESS.</summary>
public sealed record SaisiePlanSortie(
    SaisieIdentite Patient,
    DateOnly? DateSortiePrevue,
    int? StructureId,
    string? FinessStructure,
    string? Service,
    string? ContactNom,
    string? ContactEmail,
    string? ContactTelephone,
    int? ProtocoleId);

public abstract record ResultatOuverturePlan
{
    private ResultatOuverturePlan() { }

    public sealed record Ouvert(long Id, long PatientId) : ResultatOuverturePlan;

    /// <summary>Errors keyed by field: Patient.Nom, dateSortiePrevue, structureId, contact.email…</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatOuverturePlan;

    /// <summary>An establishment account asked for another structure than its own, or has none.</summary>
    public sealed record Interdit(string Raison) : ResultatOuverturePlan;
}

/// <summary>
/// Opens a discharge plan: finds (among the patients the caller sees) or creates the patient (<see cref="EnregistrerPatient"/>),
/// copies the CPTS's checklist with due dates counted from the planned day, and puts the hospital in the patient's care
/// team (an explicit, audited join). An establishment account always opens for
/// its own structure (and its e-mail is the default contact); the Coordination chooses the structure.
/// </summary>
public sealed class OuvrirPlanSortie(
    OpenCptsDb db,
    CptsCourante cptsCourante,
    ValiderIdentitePatient validerIdentite,
    EnregistrerPatient enregistrerPatient,
    ChargerChecklistSortie checklist,
    AjouterMembreEquipe equipe,
    JournalAudit journal,
    TimeProvider horloge)
{
    public const int HorizonJours = 365;

    public async Task<ResultatOuverturePlan> ExecuteAsync(SaisiePlanSortie saisie, ProfilParcours profil, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        var (identite, erreursPatient) = await validerIdentite.ExecuteAsync(saisie.Patient, ExigencesIdentite.NomEtNaissance, ct);
        var erreurs = new ErreursValidation();
        erreurs.AjouterTout(erreursPatient, nameof(saisie.Patient));

        int? structureId;
        var contactEmail = saisie.ContactEmail?.Trim();
        if (profil.Etablissement && !profil.Coordination)
        {
            if (profil.StructureId is not { } propre)
            {
                return new ResultatOuverturePlan.Interdit("Ce compte d'établissement n'est relié à aucune structure de l'annuaire : demandez à la coordination de la CPTS de le relier.");
            }
            var demandee = await StructureDemandeeAsync(saisie, ct);
            if (demandee is { } autre && autre != propre)
            {
                return new ResultatOuverturePlan.Interdit("Un compte d'établissement ne peut ouvrir un plan de sortie que pour sa propre structure.");
            }
            structureId = propre;
            if (string.IsNullOrEmpty(contactEmail))
            {
                contactEmail = profil.Email;
            }
        }
        else
        {
            structureId = await StructureDemandeeAsync(saisie, ct);
            if (structureId == -1)
            {
                structureId = null;
                erreurs[saisie.StructureId is null ? "finessStructure" : "structureId"] = ["Cet établissement n'est pas dans l'annuaire, ou il est fermé."];
            }
            else if (structureId is null)
            {
                erreurs["structureId"] = ["Choisissez l'établissement de sortie."];
            }
        }

        if (saisie.DateSortiePrevue is not { } prevue)
        {
            erreurs["dateSortiePrevue"] = ["La date de sortie prévue est obligatoire (AAAA-MM-JJ)."];
        }
        else if (prevue < aujourdhui)
        {
            erreurs["dateSortiePrevue"] = ["La date de sortie prévue ne peut pas être passée."];
        }
        else if (prevue > aujourdhui.AddDays(HorizonJours))
        {
            erreurs["dateSortiePrevue"] = ["La date de sortie prévue doit être dans l'année qui vient."];
        }
        var service = Texte(saisie.Service, "service", "Le service", 200, erreurs);
        var contactNom = Texte(saisie.ContactNom, "contact.nom", "Le nom du contact", 200, erreurs);
        if (string.IsNullOrEmpty(contactEmail))
        {
            erreurs["contact.email"] = ["L'e-mail du contact de l'établissement est obligatoire : les alertes lui sont envoyées."];
        }
        else if (contactEmail.Length > 200 || !MailAddress.TryCreate(contactEmail, out var adresse) || adresse.Address != contactEmail || !contactEmail.Contains('.', StringComparison.Ordinal))
        {
            erreurs["contact.email"] = ["L'e-mail du contact n'est pas valide."];
        }
        var telephone = Telephone(saisie.ContactTelephone, erreurs);
        if (saisie.ProtocoleId is { } protocole && !await db.Protocoles.AnyAsync(p => p.Id == protocole, ct))
        {
            erreurs["protocoleId"] = ["Ce protocole n'existe pas."];
        }
        if (erreurs.Count > 0)
        {
            return new ResultatOuverturePlan.Invalide(erreurs);
        }

        var date = saisie.DateSortiePrevue!.Value;
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var patient = (await enregistrerPatient.ExecuteAsync(identite!, profil, ct)).Patient;
        var (elements, _) = await checklist.ExecuteAsync(cpts.Id, ct);
        var plan = new PlanSortie
        {
            CptsId = cpts.Id,
            PatientParcoursId = patient.Id,
            StructureId = structureId,
            Service = service,
            DateSortiePrevue = date,
            ContactNom = contactNom,
            ContactEmail = contactEmail,
            ContactTelephone = telephone,
            ProtocoleId = saisie.ProtocoleId,
            Statut = StatutsPlanSortie.EnPreparation,
            CreeLeUtc = maintenant,
            CreePar = profil.Email,
            Elements = [.. elements.Select((e, i) => new ElementSortie
            {
                Ordre = i + 1,
                Libelle = e.Libelle,
                Responsable = e.ResponsableParDefaut,
                Echeance = date.AddDays(e.DelaiJours),
            })],
        };
        db.PlansSortie.Add(plan);
        await db.SaveChangesAsync(ct);
        await equipe.StructureAsync(patient.Id, structureId!.Value, service is null ? "Établissement de sortie" : "Établissement de sortie — " + service, profil.Email, ct);
        await journal.EnregistrerAsync("Creation", AccesPlanSortie.Ressource, plan.Id.ToString(CultureInfo.InvariantCulture), null, patient.Id, ct);
        return new ResultatOuverturePlan.Ouvert(plan.Id, patient.Id);
    }

    /// <summary>The structure asked for: its id, null when none was given, -1 when the id or FINESS is unknown or the
    /// establishment is closed (FINESS keeps closed ones for history).</summary>
    private async Task<int?> StructureDemandeeAsync(SaisiePlanSortie saisie, CancellationToken ct)
    {
        if (saisie.StructureId is { } id)
        {
            return await db.Structures.AnyAsync(s => s.Id == id && !s.Fermee, ct) ? id : -1;
        }
        var finess = saisie.FinessStructure?.Trim();
        if (string.IsNullOrEmpty(finess))
        {
            return null;
        }
        var trouvee = await db.Structures.Where(s => s.Finess == finess && !s.Fermee).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return trouvee ?? -1;
    }

    private static string? Texte(string? valeur, string champ, string libelle, int max, ErreursValidation erreurs)
    {
        var v = valeur?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }
        if (v.Length > max || v.Any(char.IsControl))
        {
            erreurs[champ] = [$"{libelle} ne doit pas dépasser {max} caractères ni contenir de caractères de contrôle."];
        }
        return v;
    }

    private static string? Telephone(string? valeur, ErreursValidation erreurs)
    {
        var telephone = NumeroTelephone.Normaliser(valeur);
        if (telephone is null && !string.IsNullOrWhiteSpace(valeur))
        {
            erreurs["contact.telephone"] = ["Le téléphone du contact doit être un numéro français à 10 chiffres."];
        }
        return telephone;
    }
}
