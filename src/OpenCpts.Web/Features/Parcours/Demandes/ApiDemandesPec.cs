using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <param name="Nom">Nom du patient.</param>
/// <param name="Prenom">Prénom du patient.</param>
/// <param name="DateNaissance">Date de naissance, AAAA-MM-JJ.</param>
public sealed record PatientDemandeApi(string? Nom, string? Prenom, string? DateNaissance);

/// <param name="Profession">Profession recherchée, code TRE_G15 (60 infirmier, 70 masseur-kinésithérapeute, 21 pharmacien…).</param>
/// <param name="Actes">Actes demandés (pansements, injections, toilette, rééducation…) ; un acte hors des actes courants de la profession n'est envoyé qu'aux membres qui l'ont déclaré en compétence.</param>
/// <param name="CommuneInsee">Code INSEE de la commune où ont lieu les soins.</param>
/// <param name="Debut">Date de début, AAAA-MM-JJ, ni passée ni à plus d'un an.</param>
/// <param name="Frequence">Fréquence (« 2 fois par jour », « tous les 2 jours »…).</param>
/// <param name="Duree">Durée prévue (« 3 semaines »).</param>
/// <param name="Urgence">Urgente (sous 24 h), Rapide (dans la semaine) ou Programmee (défaut).</param>
/// <param name="Lieu">Domicile (défaut) ou Cabinet.</param>
/// <param name="Patient">Le patient : nom, prénom, date de naissance (rien de plus n'est demandé).</param>
/// <param name="Description">Texte libre, sans détail médical inutile (2 000 caractères au plus).</param>
/// <param name="ProtocoleId">Protocole de la CPTS qui s'applique, facultatif.</param>
/// <param name="PlanSortieId">Plan de sortie d'hospitalisation auquel la demande se rattache (le patient est alors celui du plan).</param>
public sealed record NouvelleDemandePecApi(
    string? Profession, IReadOnlyList<string>? Actes, string? CommuneInsee, string? Debut, string? Frequence = null, string? Duree = null,
    string? Urgence = null, string? Lieu = null, PatientDemandeApi? Patient = null, string? Description = null, int? ProtocoleId = null, long? PlanSortieId = null);

/// <param name="Id">Identifiant de la demande.</param>
/// <param name="PatientId">Identifiant du patient dans les parcours (pour GET /api/audit?patientId=).</param>
/// <param name="Destinataires">Nombre de membres à qui la demande a été envoyée.</param>
public sealed record DemandePecCreeeApi(long Id, long PatientId, int Destinataires);

/// <param name="Id">Identifiant de la demande.</param>
/// <param name="PatientId">Identifiant du patient.</param>
/// <param name="Statut">Ouverte, Acceptee ou Annulee.</param>
/// <param name="Profession">Code TRE_G15 de la profession recherchée.</param>
/// <param name="Actes">Actes demandés.</param>
/// <param name="CommuneInsee">Commune des soins.</param>
/// <param name="Lieu">Domicile ou Cabinet.</param>
/// <param name="Debut">Date de début.</param>
/// <param name="Frequence">Fréquence.</param>
/// <param name="Duree">Durée prévue.</param>
/// <param name="Urgence">Urgente, Rapide ou Programmee.</param>
/// <param name="Description">Texte libre.</param>
/// <param name="Patient">Identité du patient, absente pour un membre destinataire tant que la demande n'est pas acceptée.</param>
/// <param name="CreeeLe">Date de la demande, ISO 8601 UTC.</param>
/// <param name="AccepteePar">Le professionnel qui a accepté, s'il y en a un.</param>
/// <param name="ContactAccepteur">Téléphone et e-mail de celui qui a accepté (pour le demandeur).</param>
/// <param name="AccepteeLe">Date de l'acceptation, ISO 8601 UTC.</param>
/// <param name="EscaladeeLe">Date à laquelle la demande sans réponse a été signalée à la Coordination.</param>
/// <param name="Destinataires">Nombre de membres destinataires.</param>
public sealed record DemandePecApi(
    long Id, long PatientId, string Statut, string Profession, IReadOnlyList<string> Actes, string CommuneInsee, string Lieu, string Debut,
    string? Frequence, string? Duree, string Urgence, string? Description, PatientDemandeApi? Patient, DateTime CreeeLe,
    string? AccepteePar, string? ContactAccepteur, DateTime? AccepteeLe, DateTime? EscaladeeLe, int Destinataires);

/// <param name="Id">Identifiant de la demande.</param>
/// <param name="NouveauxDestinataires">Membres qui l'ont reçue à cette relance.</param>
public sealed record RediffusionApi(long Id, int NouveauxDestinataires);

/// <summary>The /api/parcours/demandes endpoints (a hospital's system posts care requests; members accept them).</summary>
internal static class ApiDemandesPec
{
    public static void Mapper(WebApplication app)
    {
        var api = app.MapGroup("/api/parcours/demandes")
            .WithTags("Parcours — demandes de prise en charge")
            .RequireAuthorization(Parcours.PolitiqueDemandeur)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("", PosterAsync)
            .WithName("PosterDemandePriseEnCharge")
            .WithSummary("Poster une demande de prise en charge pour un patient")
            .WithDescription("Coordination, Régulation, établissement ou professionnel. La demande est envoyée (e-mail et page « Demandes pour moi ») " +
                "aux membres de la profession dont le secteur couvre la commune, qui ne sont pas en congé et ont les compétences demandées. " +
                "Erreurs de saisie : 400 avec un `errors` par champ (`profession`, `actes`, `communeInsee`, `debut`, `patient.nom`…).");

        api.MapGet("/{id:long}", ConsulterAsync)
            .WithName("ConsulterDemandePriseEnCharge")
            .WithSummary("Une demande de prise en charge")
            .WithDescription("Le demandeur, la Coordination, la Régulation et l'équipe de soins du patient voient tout ; un membre destinataire voit le besoin " +
                "sans l'identité du patient tant qu'il n'a pas accepté ; les autres reçoivent 404, comme pour une demande inconnue (tentative journalisée). " +
                "Chaque lecture est journalisée.");

        api.MapPost("/{id:long}/acceptation", AccepterAsync)
            .WithName("AccepterDemandePriseEnCharge")
            .WithSummary("Accepter une demande (professionnel)")
            .WithDescription("Réservé aux destinataires de la demande. La première acceptation l'emporte : 200 pour elle, 409 pour les suivantes. " +
                "403 pour un compte qui voit la demande sans en être destinataire ; 404 pour une demande inconnue ou invisible.");

        api.MapPost("/{id:long}/rediffusion", RediffuserAsync)
            .WithName("RediffuserDemandePriseEnCharge")
            .WithSummary("Relancer la diffusion d'une demande ouverte (demandeur, Coordination)")
            .WithDescription("Recherche de nouveau les membres qui correspondent (nouveaux membres, retours de congé, compétences) ; ceux qui ne l'avaient pas " +
                "reçue deviennent destinataires et sont prévenus par e-mail, sans l'identité du patient. Journalisé. 409 si la demande n'est plus ouverte.");
    }

    private static async Task<Results<Created<DemandePecCreeeApi>, ValidationProblem>> PosterAsync(
        NouvelleDemandePecApi corps, PosterDemandePec poster, UtilisateurParcours utilisateurs, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        var erreursLecture = new ErreursValidation();
        var debut = LectureApi.Date(corps.Debut, "debut", "La date de début", erreursLecture);
        var patient = corps.Patient is { } p
            ? new SaisieIdentite(p.Nom, p.Prenom, LectureApi.Date(p.DateNaissance, "Patient.DateNaissance", "La date de naissance", erreursLecture))
            : null;
        var saisie = new SaisieDemandePec(corps.Profession, corps.Actes, corps.CommuneInsee, corps.Lieu, debut, corps.Frequence, corps.Duree,
            corps.Urgence, corps.Description, patient, corps.ProtocoleId, corps.PlanSortieId);
        var resultat = await poster.ExecuteAsync(saisie, await utilisateurs.ProfilAsync(utilisateur, ct), ct);
        switch (resultat)
        {
            case ResultatDemandePec.Creee c:
                return TypedResults.Created($"/api/parcours/demandes/{c.Id.ToString(CultureInfo.InvariantCulture)}", new DemandePecCreeeApi(c.Id, c.PatientId, c.Destinataires));
            case ResultatDemandePec.Invalide inv:
                erreursLecture.AjouterTout(inv.Erreurs);
                return erreursLecture.EnProbleme("Demande de prise en charge invalide");
            default:
                throw new InvalidOperationException("Unexpected result " + resultat);
        }
    }

    private static async Task<Results<Ok<DemandePecApi>, NotFound>> ConsulterAsync(
        long id, ConsulterDemandePec consulter, UtilisateurParcours utilisateurs, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        var resultat = await consulter.ExecuteAsync(id, await utilisateurs.ProfilAsync(utilisateur, ct), ct);
        return resultat is ResultatConsultationPec.Trouvee t ? TypedResults.Ok(VersApi(t.Vue)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DemandePecApi>, NotFound, ProblemHttpResult>> AccepterAsync(
        long id, AccepterDemandePec accepter, ConsulterDemandePec consulter, UtilisateurParcours utilisateurs, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        var profil = await utilisateurs.ProfilAsync(utilisateur, ct);
        var resultat = await accepter.ExecuteAsync(id, profil, ct);
        switch (resultat)
        {
            case ResultatAcceptation.Acceptee:
                var vue = await consulter.ExecuteAsync(id, profil, ct);
                return vue is ResultatConsultationPec.Trouvee t ? TypedResults.Ok(VersApi(t.Vue)) : TypedResults.NotFound();
            case ResultatAcceptation.DejaPrise d:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Demande déjà prise",
                    detail: d.Statut == StatutsDemandePec.Annulee ? "La demande a été annulée par le demandeur." : "Un autre professionnel a accepté cette demande avant vous.");
            case ResultatAcceptation.NonAutorise n:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Demande non destinée à ce compte", detail: n.Message);
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<RediffusionApi>, NotFound, ProblemHttpResult>> RediffuserAsync(
        long id, RediffuserDemandePec rediffuser, UtilisateurParcours utilisateurs, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        return await rediffuser.ExecuteAsync(id, await utilisateurs.ProfilAsync(utilisateur, ct), ct) switch
        {
            ResultatRediffusion.Rediffusee r => TypedResults.Ok(new RediffusionApi(id, r.Nouveaux)),
            ResultatRediffusion.Interdite => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Réservé au demandeur",
                detail: "Seuls le demandeur et la Coordination relancent la diffusion d'une demande."),
            ResultatRediffusion.PlusOuverte => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Demande close",
                detail: "La demande n'est plus ouverte."),
            _ => TypedResults.NotFound(),
        };
    }

    private static DemandePecApi VersApi(VueDemandePec v)
    {
        var d = v.Demande;
        var patient = v.Patient is null ? null
            : new PatientDemandeApi(d.Patient!.Nom, d.Patient.Prenom, d.Patient.DateNaissance.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new DemandePecApi(d.Id, d.PatientParcoursId, d.Statut, d.CodeProfession, [.. d.ListeActes], d.CodeCommune, d.Lieu,
            d.Debut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Frequence, d.DureePrevue, d.Urgence, d.Description, patient,
            d.CreeLeUtc, v.AccepteePar, v.ContactAccepteur, d.AccepteeLeUtc, d.EscaladeeLeUtc, v.Destinataires);
    }
}
