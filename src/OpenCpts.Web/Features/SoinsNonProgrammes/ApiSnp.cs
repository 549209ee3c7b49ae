using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary>A free unscheduled-care slot.</summary>
/// <param name="Id">Identifiant du créneau (à passer en <c>slotId</c> pour réserver).</param>
/// <param name="Start">Début, ISO 8601 avec le décalage de Europe/Paris.</param>
/// <param name="End">Fin, ISO 8601 avec le décalage de Europe/Paris.</param>
/// <param name="Rpps">Numéro RPPS du professionnel.</param>
/// <param name="Type">Type de consultation : AMB (cabinet), HH (domicile), VR (téléconsultation).</param>
/// <param name="Visibility">Visibilité : CPTS, SNP, PRO, PUBLIC.</param>
/// <param name="Profession">Code de profession TRE_G15.</param>
/// <param name="Commune">Code INSEE de la commune du lieu de consultation.</param>
/// <param name="Professionnel">Nom affiché du professionnel.</param>
public sealed record CreneauApi(long Id, DateTimeOffset Start, DateTimeOffset End, string Rpps, string Type, string Visibility,
    string Profession, string? Commune, string Professionnel);

/// <param name="Nom">Nom de naissance ou d'usage (1 à 100 caractères).</param>
/// <param name="Prenom">Prénom (1 à 100 caractères).</param>
/// <param name="DateNaissance">Date de naissance, AAAA-MM-JJ.</param>
/// <param name="Telephone">Téléphone français (10 chiffres ou +33).</param>
/// <param name="CommuneInsee">Code INSEE de la commune du patient.</param>
/// <param name="Email">Adresse e-mail, facultative (confirmation).</param>
/// <param name="Ins">Identité nationale de santé, facultative.</param>
public sealed record PatientApi(string? Nom, string? Prenom, string? DateNaissance, string? Telephone, string? CommuneInsee, string? Email = null, string? Ins = null);

/// <param name="SlotId">Identifiant du créneau (nombre ou chaîne).</param>
/// <param name="Patient">Identité minimale du patient.</param>
/// <param name="Motif">Motif de la consultation (500 caractères au plus).</param>
public sealed record NouvelleReservationApi(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? SlotId,
    PatientApi? Patient,
    string? Motif);

/// <param name="Id">Identifiant de la réservation.</param>
/// <param name="SlotId">Créneau réservé.</param>
/// <param name="Start">Début du rendez-vous (Europe/Paris).</param>
/// <param name="End">Fin du rendez-vous (Europe/Paris).</param>
/// <param name="Rpps">Numéro RPPS du professionnel.</param>
/// <param name="Statut">Confirmee, Annulee, Honoree ou NonHonoree.</param>
public sealed record ReservationApi(long Id, long SlotId, DateTimeOffset Start, DateTimeOffset End, string Rpps, string Statut);

/// <summary>The /api/snp endpoints: free slots, bookings.</summary>
internal static class ApiSnp
{
    public static void Mapper(WebApplication app)
    {
        var api = app.MapGroup("/api/snp")
            .WithTags("Soins non programmés")
            .RequireAuthorization(SoinsNonProgrammes.PolitiqueRegulation)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/creneaux", CreneauxAsync)
            .WithName("CreneauxSnpLibres")
            .WithSummary("Créneaux de soins non programmés libres")
            .WithDescription("Créneaux libres et à venir des professionnels du territoire. `from`/`to` : ISO 8601 (par défaut : maintenant, puis 48 h plus tard ; 31 jours au plus) ; `commune` : code INSEE du lieu de consultation ; `profession` : code TRE_G15 ; `type` : AMB, HH ou VR. Paginés (`page`, `pageSize`), les plus proches d'abord.");

        api.MapPost("/reservations", ReserverAsync)
            .WithName("ReserverCreneauSnp")
            .WithSummary("Réserver un créneau pour un patient")
            .WithDescription("Réservation atomique : si deux demandes visent le même créneau, une seule réussit, l'autre reçoit 409. Une confirmation est envoyée au patient (SMS, et e-mail s'il est donné).");

        api.MapGet("/reservations/{id:long}", ConsulterAsync)
            .WithName("ConsulterReservationSnp")
            .WithSummary("Une réservation");

        api.MapDelete("/reservations/{id:long}", AnnulerAsync)
            .WithName("AnnulerReservationSnp")
            .WithSummary("Annuler une réservation")
            .WithDescription("Le créneau redevient libre s'il n'a pas commencé.");
    }

    private static async Task<Results<Ok<PageApi<CreneauApi>>, ValidationProblem>> CreneauxAsync(
        string? from, string? to, string? commune, string? profession, string? type, int? page, int? pageSize,
        RechercherCreneauxProposes recherche, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        var du = LectureApi.InstantUtc(from, "from", "La date de début", erreurs);
        var au = LectureApi.InstantUtc(to, "to", "La date de fin", erreurs);
        var debut = du ?? horloge.GetUtcNow().UtcDateTime;
        if (au is { } fin && (fin <= debut || fin - debut > TimeSpan.FromDays(31)))
        {
            erreurs["to"] = ["La fin doit suivre le début, dans les 31 jours."];
        }
        if (type is not null && !TypesConsultation.Tous.Contains(type))
        {
            erreurs["type"] = ["Type inconnu : AMB, HH ou VR."];
        }
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres invalides");
        }
        var creneaux = await recherche.ExecuteAsync(new FiltreCreneaux
        {
            DuUtc = du,
            AuUtc = au ?? debut + RechercherCreneauxProposes.Horizon,
            CommuneSite = commune,
            Profession = profession,
            TypeConsultation = type,
            Limite = 1000,
        }, ct);
        return TypedResults.Ok(PaginationApi.Decouper([.. creneaux.OrderBy(c => c.DebutUtc)
            .Select(c => new CreneauApi(c.Id, HeureParis.AvecDecalage(c.DebutUtc), HeureParis.AvecDecalage(c.FinUtc), c.Rpps, c.TypeConsultation, c.Visibilite, c.CodeProfession, c.CodeCommune, c.NomProfessionnel))],
            numero, taille));
    }

    private static async Task<Results<Created<ReservationApi>, ValidationProblem, ProblemHttpResult>> ReserverAsync(
        NouvelleReservationApi corps, ReserverCreneau reserver, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        if (corps.SlotId is null)
        {
            erreurs["slotId"] = ["L'identifiant du créneau est obligatoire."];
        }
        var p = corps.Patient;
        if (p is null)
        {
            erreurs["patient"] = ["Le patient est obligatoire."];
        }
        var naissance = LectureApi.Date(p?.DateNaissance, "Patient.DateNaissance", "La date de naissance", erreurs);
        var saisie = new SaisieIdentite(p?.Nom, p?.Prenom, naissance, Telephone: p?.Telephone, Email: p?.Email, Ins: p?.Ins, CommuneInsee: p?.CommuneInsee);
        var resultat = await reserver.ExecuteAsync(new DemandeReservation(corps.SlotId ?? 0, saisie, corps.Motif, OriginesReservation.Api, utilisateur.Identity?.Name), ct);
        if (resultat is ResultatReservation.Invalide invalide)
        {
            erreurs.AjouterTout(invalide.Erreurs);
        }
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Réservation invalide");
        }
        return resultat switch
        {
            ResultatReservation.Reservee r => TypedResults.Created($"/api/snp/reservations/{r.Reservation.Id.ToString(CultureInfo.InvariantCulture)}",
                new ReservationApi(r.Reservation.Id, r.Reservation.CreneauId, HeureParis.AvecDecalage(r.Reservation.DebutUtc), HeureParis.AvecDecalage(r.Reservation.FinUtc), r.Reservation.Rpps, r.Reservation.Statut)),
            ResultatReservation.Introuvable => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Créneau introuvable",
                detail: "Aucun créneau ne porte cet identifiant."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Créneau indisponible",
                detail: "Ce créneau n'est plus libre (déjà réservé, passé ou retiré). Choisissez-en un autre."),
        };
    }

    private static async Task<Results<Ok<ReservationApi>, NotFound>> ConsulterAsync(long id, OpenCptsDb db, CancellationToken ct)
    {
        var r = await db.ReservationsSnp.AsNoTracking().Where(r => r.Id == id)
            .Join(db.CreneauxSnp, r => r.CreneauSnpId, c => c.Id, (r, c) => new { r.Id, r.CreneauSnpId, c.DebutUtc, c.FinUtc, c.ProfessionnelId, r.Statut })
            .Join(db.Professionnels, x => x.ProfessionnelId, p => p.Id, (x, p) => new { x.Id, x.CreneauSnpId, x.DebutUtc, x.FinUtc, p.Rpps, x.Statut })
            .FirstOrDefaultAsync(ct);
        return r is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ReservationApi(r.Id, r.CreneauSnpId, HeureParis.AvecDecalage(r.DebutUtc), HeureParis.AvecDecalage(r.FinUtc), r.Rpps, r.Statut));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> AnnulerAsync(long id, AnnulerReservation annuler, ClaimsPrincipal utilisateur, CancellationToken ct) =>
        await annuler.ExecuteAsync(id, utilisateur.Identity?.Name, ct) switch
        {
            ResultatAnnulation.Annulee => TypedResults.NoContent(),
            ResultatAnnulation.Introuvable => TypedResults.NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Réservation non annulable",
                detail: "Cette réservation est déjà annulée ou a eu lieu."),
        };
}
