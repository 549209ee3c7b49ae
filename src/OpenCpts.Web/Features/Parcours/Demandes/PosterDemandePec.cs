using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>A care request as typed (form or API). With <see cref="PlanSortieId"/>, the patient is the plan's.</summary>
public sealed record SaisieDemandePec(
    string? CodeProfession, IReadOnlyList<string>? Actes, string? CodeCommune, string? Lieu, DateOnly? Debut,
    string? Frequence, string? DureePrevue, string? Urgence, string? Description, SaisieIdentite? Patient,
    int? ProtocoleId = null, long? PlanSortieId = null);

public abstract record ResultatDemandePec
{
    private ResultatDemandePec() { }

    public sealed record Creee(long Id, long PatientId, int Destinataires) : ResultatDemandePec;
    /// <summary>Errors keyed by field (profession, actes, communeInsee, debut, Patient.Nom…).</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatDemandePec;
}

/// <summary>
/// Posts a care request: validates it (a discharge plan only by its managers), finds among the patients the
/// requester sees or creates the patient (<see cref="EnregistrerPatient"/>), records the request (audited), puts the
/// requester in the patient's team, then sends it to the matching members (<see cref="DiffuserDemandePec"/>). The
/// e-mail carries no patient identity: recipients see it on the platform once they accept.
/// </summary>
public sealed class PosterDemandePec(
    OpenCptsDb db, CptsCourante cptsCourante, ValiderIdentitePatient validerIdentite, EnregistrerPatient patients, AjouterMembreEquipe equipe, DiffuserDemandePec diffuser,
    JournalAudit audit, TimeProvider horloge, ILogger<PosterDemandePec> journal)
{
    public const int ActesMax = 10;

    public async Task<ResultatDemandePec> ExecuteAsync(SaisieDemandePec saisie, ProfilParcours demandeur, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdhui = HeureParis.Jour(maintenant);
        var erreurs = new ErreursValidation();

        PlanSortie? plan = null;
        if (saisie.PlanSortieId is { } planId)
        {
            plan = await db.PlansSortie.AsNoTracking().Include(p => p.Patient).FirstOrDefaultAsync(p => p.Id == planId && p.CptsId == cpts.Id, ct);
            // Only the plan's managers attach a request to it; anyone else gets the answer of an unknown plan.
            if (plan is not null && !AccesPlanSortie.EstGestionnaire(demandeur, plan.StructureId))
            {
                await audit.EnregistrerAsync("Refus", AccesPlanSortie.Ressource, planId.ToString(CultureInfo.InvariantCulture),
                    "Demande de prise en charge sur un plan non géré", plan.PatientParcoursId, ct);
                plan = null;
            }
            if (plan is null)
            {
                erreurs["planSortieId"] = ["Ce plan de sortie n'existe pas."];
            }
        }
        else if (saisie.Patient is null)
        {
            erreurs["patient"] = ["Le patient est obligatoire (nom, prénom, date de naissance)."];
        }
        IdentitePatient? identite = null;
        if (saisie.PlanSortieId is null && saisie.Patient is not null)
        {
            (identite, var erreursPatient) = await validerIdentite.ExecuteAsync(saisie.Patient, ExigencesIdentite.NomEtNaissance, ct);
            erreurs.AjouterTout(erreursPatient, nameof(saisie.Patient));
        }

        var profession = saisie.CodeProfession?.Trim();
        if (string.IsNullOrEmpty(profession))
        {
            erreurs["profession"] = ["La profession recherchée est obligatoire (code TRE_G15, ex. 60 pour infirmier)."];
        }
        else if (Terminologies.Instance.Professions.Libelle(profession) == profession)
        {
            erreurs["profession"] = [$"« {profession} » n'est pas un code de profession de santé (TRE_G15)."];
        }

        var actes = (saisie.Actes ?? []).Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (actes.Count == 0)
        {
            erreurs["actes"] = ["Indiquez au moins un acte (pansements, injections, toilette, rééducation…)."];
        }
        else if (actes.Count > ActesMax)
        {
            erreurs["actes"] = [$"{ActesMax} actes au plus."];
        }
        else if (actes.Any(a => a.Length > 100 || a.Contains('|', StringComparison.Ordinal) || a.Any(char.IsControl)))
        {
            erreurs["actes"] = ["Chaque acte fait 100 caractères au plus, sans caractère « | »."];
        }

        var commune = saisie.CodeCommune?.Trim().ToUpperInvariant() ?? plan?.Patient?.CodeCommune;
        if (string.IsNullOrEmpty(commune))
        {
            erreurs["communeInsee"] = ["La commune du patient est obligatoire (code INSEE)."];
        }
        else if (commune.Length != 5 || !await db.Communes.AnyAsync(c => c.CodeInsee == commune, ct))
        {
            erreurs["communeInsee"] = [$"Le code INSEE « {commune} » ne correspond à aucune commune."];
        }

        var lieu = string.IsNullOrWhiteSpace(saisie.Lieu) ? LieuxSoins.Domicile
            : LieuxSoins.Tous.FirstOrDefault(l => string.Equals(l, saisie.Lieu.Trim(), StringComparison.OrdinalIgnoreCase)) ?? saisie.Lieu.Trim();
        if (!LieuxSoins.Tous.Contains(lieu))
        {
            erreurs["lieu"] = ["Le lieu est Domicile ou Cabinet."];
        }
        var urgence = string.IsNullOrWhiteSpace(saisie.Urgence) ? UrgencesDemandePec.Programmee
            : UrgencesDemandePec.Toutes.FirstOrDefault(u => string.Equals(u, saisie.Urgence.Trim(), StringComparison.OrdinalIgnoreCase)) ?? saisie.Urgence.Trim();
        if (!UrgencesDemandePec.Toutes.Contains(urgence))
        {
            erreurs["urgence"] = ["L'urgence est Urgente, Rapide ou Programmee."];
        }
        if (saisie.Debut is not { } debut)
        {
            erreurs["debut"] = ["La date de début est obligatoire (AAAA-MM-JJ)."];
        }
        else if (debut < aujourdhui)
        {
            erreurs["debut"] = ["La date de début ne peut pas être passée."];
        }
        else if (debut > aujourdhui.AddYears(1))
        {
            erreurs["debut"] = ["La date de début est à moins d'un an."];
        }
        Texte(saisie.Frequence, 200, "frequence", "La fréquence", erreurs);
        Texte(saisie.DureePrevue, 200, "duree", "La durée prévue", erreurs);
        Texte(saisie.Description, 2000, "description", "La description", erreurs);
        if (saisie.ProtocoleId is { } protocoleId && !await db.Protocoles.AnyAsync(p => p.Id == protocoleId && p.CptsId == cpts.Id, ct))
        {
            erreurs["protocoleId"] = ["Ce protocole n'existe pas."];
        }
        if (erreurs.Count > 0)
        {
            return new ResultatDemandePec.Invalide(erreurs);
        }

        var patientId = plan?.PatientParcoursId
            ?? (await patients.ExecuteAsync(identite! with { CommuneInsee = identite!.CommuneInsee ?? commune }, demandeur, ct)).Patient.Id;
        var demande = new DemandePriseEnCharge
        {
            CptsId = cpts.Id,
            PatientParcoursId = patientId,
            CodeProfession = profession!,
            Actes = string.Join('|', actes),
            CodeCommune = commune!,
            Lieu = lieu,
            Debut = saisie.Debut!.Value,
            Frequence = Nettoyer(saisie.Frequence),
            DureePrevue = Nettoyer(saisie.DureePrevue),
            Urgence = urgence,
            Description = Nettoyer(saisie.Description),
            CreeLeUtc = maintenant,
            CreeParUtilisateurId = demandeur.UtilisateurId,
            CreePar = demandeur.Email,
            StructureDemandeuseId = demandeur.Etablissement ? demandeur.StructureId : plan?.StructureId,
            ProtocoleId = saisie.ProtocoleId ?? plan?.ProtocoleId,
            PlanSortieId = plan?.Id,
        };
        db.DemandesPriseEnCharge.Add(demande);
        await db.SaveChangesAsync(ct);
        await audit.EnregistrerAsync("Creation", ConsulterDemandePec.Ressource, demande.Id.ToString(CultureInfo.InvariantCulture), null, patientId, ct);

        // The requester's explicit join: he (or his structure) follows the patient he asks care for.
        if (demandeur.ProfessionnelId is { } pro)
        {
            await equipe.ProfessionnelAsync(patientId, pro, "Demandeur", demandeur.Email, ct);
        }
        if (demande.StructureDemandeuseId is { } structure)
        {
            await equipe.StructureAsync(patientId, structure, "Établissement demandeur", demandeur.Email, ct);
        }
        var destinataires = await diffuser.ExecuteAsync(demande, ct);
        journal.LogInformation("Care request {DemandeId} posted by {Utilisateur}, sent to {Nombre} members", demande.Id, demandeur.Email, destinataires);
        return new ResultatDemandePec.Creee(demande.Id, patientId, destinataires);
    }

    /// <summary>What a request asks, without the patient's identity (for e-mails and lists).</summary>
    public static string Resume(DemandePriseEnCharge d, string? nomCommune) =>
        $"{Terminologies.Instance.Professions.Libelle(d.CodeProfession)} : {string.Join(", ", d.ListeActes)} — {LieuxSoins.Libelle(d.Lieu).ToLowerInvariant()}, "
        + $"{nomCommune ?? d.CodeCommune} — à partir du {d.Debut.ToString("dd/MM/yyyy", PlateformeWeb.Francais)}"
        + (d.Frequence is null ? "" : $", {d.Frequence}")
        + (d.DureePrevue is null ? "" : $", pendant {d.DureePrevue}")
        + $" — {UrgencesDemandePec.Libelle(d.Urgence).ToLowerInvariant()}.";

    private static void Texte(string? valeur, int max, string champ, string libelle, ErreursValidation erreurs)
    {
        if (valeur is not null && valeur.Trim().Length > max)
        {
            erreurs[champ] = [$"{libelle} ne doit pas dépasser {max} caractères."];
        }
    }

    private static string? Nettoyer(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
