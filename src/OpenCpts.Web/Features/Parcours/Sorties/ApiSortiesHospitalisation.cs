using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <param name="Nom">Nom du patient (1 à 100 caractères, sans chiffres).</param>
/// <param name="Prenom">Prénom du patient (mêmes règles).</param>
/// <param name="DateNaissance">Date de naissance, AAAA-MM-JJ.</param>
/// <param name="CommuneInsee">Code INSEE de la commune de résidence (facultatif).</param>
public sealed record PatientSortieApi(string? Nom, string? Prenom, string? DateNaissance, string? CommuneInsee = null);

/// <param name="Nom">Nom du contact de l'établissement (facultatif).</param>
/// <param name="Email">E-mail du contact, destinataire des alertes ; par défaut celui du compte d'établissement qui appelle.</param>
/// <param name="Telephone">Téléphone du contact (numéro français, facultatif).</param>
public sealed record ContactSortieApi(string? Nom, string? Email, string? Telephone);

/// <param name="Patient">Identité du patient : retrouvé s'il existe (même nom, prénom et date de naissance), créé sinon.</param>
/// <param name="DateSortiePrevue">Date de sortie prévue, AAAA-MM-JJ, ni passée ni au-delà d'un an.</param>
/// <param name="FinessStructure">FINESS de l'établissement (ou `structureId`) ; un compte d'établissement ne peut donner que le sien (défaut).</param>
/// <param name="StructureId">Identifiant de l'établissement dans l'annuaire (ou `finessStructure`).</param>
/// <param name="Service">Service hospitalier (« Cardiologie »), facultatif.</param>
/// <param name="Contact">Contact de l'établissement pour ce plan.</param>
/// <param name="ProtocoleId">Protocole pluriprofessionnel de la CPTS suivi, facultatif.</param>
public sealed record NouveauPlanSortieApi(
    PatientSortieApi? Patient, string? DateSortiePrevue, string? FinessStructure = null, int? StructureId = null, string? Service = null,
    ContactSortieApi? Contact = null, int? ProtocoleId = null);

/// <param name="Id">Identifiant de l'élément.</param>
/// <param name="Ordre">Rang dans la liste.</param>
/// <param name="Libelle">Ce qui doit être fait (« Lettre de liaison envoyée au médecin traitant »).</param>
/// <param name="Responsable">Qui s'en charge (texte, ou nom du professionnel de l'équipe).</param>
/// <param name="ResponsableProfessionnelId">Le professionnel de l'annuaire responsable, s'il y en a un.</param>
/// <param name="Echeance">Échéance, AAAA-MM-JJ.</param>
/// <param name="Fait">Fait ou non.</param>
/// <param name="FaitLe">Quand il a été coché, ISO 8601 UTC.</param>
public sealed record ElementSortieApi(long Id, int Ordre, string Libelle, string? Responsable, int? ResponsableProfessionnelId, DateOnly? Echeance,
    bool Fait, DateTime? FaitLe);

/// <param name="Id">Identifiant du plan de sortie.</param>
/// <param name="PatientId">Identifiant du patient suivi (son dossier : équipe, fil, consentement).</param>
/// <param name="Statut">EnPreparation, Sorti, Clos ou Annule.</param>
/// <param name="DateSortiePrevue">Date de sortie prévue.</param>
/// <param name="DateSortieEffective">Date de sortie effective, une fois enregistrée.</param>
/// <param name="StructureId">Établissement de sortie (annuaire).</param>
/// <param name="Structure">Nom de l'établissement.</param>
/// <param name="Service">Service hospitalier.</param>
/// <param name="Contact">Contact de l'établissement.</param>
/// <param name="ARisque">Vrai quand des éléments manquent moins de 48 h avant la sortie.</param>
/// <param name="AlerteEnvoyeeLe">Quand l'alerte des 48 h a été envoyée, ISO 8601 UTC.</param>
/// <param name="Readmission30Jours">Résultat à la clôture : réhospitalisation dans les 30 jours.</param>
/// <param name="Bilan">Bilan court saisi à la clôture.</param>
/// <param name="Elements">La liste de sortie, dans l'ordre.</param>
public sealed record PlanSortieApi(long Id, long PatientId, string Statut, DateOnly DateSortiePrevue, DateOnly? DateSortieEffective, int? StructureId,
    string? Structure, string? Service, ContactSortieApi Contact, bool ARisque, DateTime? AlerteEnvoyeeLe, bool? Readmission30Jours, string? Bilan,
    IReadOnlyList<ElementSortieApi> Elements);

/// <summary>The /api/parcours/sorties endpoints.</summary>
internal static class ApiSortiesHospitalisation
{
    public static void Mapper(WebApplication app)
    {
        var api = app.MapGroup("/api/parcours/sorties")
            .WithTags("Parcours — sorties d'hospitalisation")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("", OuvrirAsync)
            .RequireAuthorization(SortiesHospitalisation.PolitiqueOuverture)
            .WithName("OuvrirPlanSortie")
            .WithSummary("Ouvrir un plan de sortie d'hospitalisation")
            .WithDescription("Coordination ou compte d'établissement (pour sa propre structure seulement : 403 sinon). Le patient est retrouvé ou créé, " +
                "la liste de sortie de la CPTS est copiée avec ses échéances, l'établissement rejoint l'équipe du patient. " +
                "Erreurs de saisie : 400 avec un `errors` par champ (patient.nom, dateSortiePrevue, structureId, contact.email…).");

        api.MapGet("/{id:long}", ConsulterAsync)
            .RequireAuthorization(Parcours.PolitiqueParcours)
            .WithName("ConsulterPlanSortie")
            .WithSummary("Un plan de sortie et sa liste")
            .WithDescription("Coordination, comptes de l'établissement du plan, membres de l'équipe du patient ; 404 sinon, comme pour un plan inconnu (tentative journalisée). " +
                "Chaque lecture est inscrite au journal d'audit.");
    }

    private static async Task<Results<Created<PlanSortieApi>, ValidationProblem, ProblemHttpResult>> OuvrirAsync(
        NouveauPlanSortieApi corps, OuvrirPlanSortie ouvrir, ConsulterPlanSortie consulter, UtilisateurParcours utilisateurs, ClaimsPrincipal utilisateur,
        CancellationToken ct)
    {
        var erreursLecture = new ErreursValidation();
        var naissance = LectureApi.Date(corps.Patient?.DateNaissance, "Patient.DateNaissance", "La date de naissance", erreursLecture);
        var prevue = LectureApi.Date(corps.DateSortiePrevue, "dateSortiePrevue", "La date de sortie prévue", erreursLecture);
        var saisie = new SaisiePlanSortie(
            new SaisieIdentite(corps.Patient?.Nom, corps.Patient?.Prenom, naissance, CommuneInsee: corps.Patient?.CommuneInsee),
            prevue, corps.StructureId, corps.FinessStructure, corps.Service, corps.Contact?.Nom, corps.Contact?.Email, corps.Contact?.Telephone, corps.ProtocoleId);
        var resultat = await ouvrir.ExecuteAsync(saisie, await utilisateurs.ProfilAsync(utilisateur, ct), ct);
        switch (resultat)
        {
            case ResultatOuverturePlan.Ouvert o:
                var plan = (await consulter.ExecuteAsync(o.Id, ct))!;
                return TypedResults.Created($"/api/parcours/sorties/{o.Id.ToString(CultureInfo.InvariantCulture)}", VersApi(plan));
            case ResultatOuverturePlan.Interdit i:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Structure non autorisée", detail: i.Raison);
            case ResultatOuverturePlan.Invalide inv:
                erreursLecture.AjouterTout(inv.Erreurs);
                return erreursLecture.EnProbleme("Plan de sortie invalide");
            default:
                throw new InvalidOperationException("Unexpected result " + resultat);
        }
    }

    private static async Task<Results<Ok<PlanSortieApi>, NotFound>> ConsulterAsync(
        long id, AccesPlanSortie acces, ConsulterPlanSortie consulter, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        if (await acces.VerifierEtJournaliserAsync(utilisateur, id, ct: ct) is not ResultatAccesPlan.Autorise)
        {
            return TypedResults.NotFound();
        }
        var plan = await consulter.ExecuteAsync(id, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(VersApi(plan));
    }

    private static PlanSortieApi VersApi(PlanSortieDetail p) => new(p.Id, p.PatientId, p.Statut, p.DateSortiePrevue, p.DateSortieEffective, p.StructureId,
        p.Structure, p.Service, new ContactSortieApi(p.ContactNom, p.ContactEmail, p.ContactTelephone), p.ARisque,
        p.AlerteEnvoyeeLeUtc is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : null, p.Readmission30Jours, p.Bilan,
        [.. p.Elements.Select(e => new ElementSortieApi(e.Id, e.Ordre, e.Libelle, e.Responsable, e.ResponsableProfessionnelId, e.Echeance,
            e.FaitLeUtc is not null, e.FaitLeUtc is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null))]);
}
