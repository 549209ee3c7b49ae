using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <param name="Nom">Nom (1 à 100 caractères : lettres, espaces, tirets, apostrophes).</param>
/// <param name="Prenom">Prénom (mêmes règles).</param>
/// <param name="DateNaissance">Date de naissance, AAAA-MM-JJ, ni future ni antérieure à 1900.</param>
/// <param name="Sexe">F, M ou I (indéterminé).</param>
/// <param name="Telephone">Téléphone français ; le téléphone ou l'e-mail est obligatoire.</param>
/// <param name="Email">Adresse e-mail, facultative si le téléphone est donné.</param>
/// <param name="CommuneInsee">Code INSEE de la commune de résidence, sur le territoire de la CPTS.</param>
/// <param name="Ins">Matricule INS (15 caractères), facultatif.</param>
/// <param name="Raison">Pourquoi le patient n'a pas de médecin traitant : DepartRetraite, DemenagementMedecin, JamaisEu, ArriveeTerritoire, Autre (défaut).</param>
/// <param name="Criteres">Critères de priorité : ALD, PLUS_70, MOINS_16, GROSSESSE, HANDICAP, PRECARITE, SORTIE_HOSPITALISATION, TRAITEMENT_CHRONIQUE.</param>
/// <param name="Notes">Notes libres (2 000 caractères au plus).</param>
/// <param name="ConsentementContact">Le patient accepte d'être contacté (la date est enregistrée).</param>
public sealed record NouvelleDemandeMtApi(
    string? Nom, string? Prenom, string? DateNaissance, string? Sexe, string? Telephone, string? CommuneInsee,
    IReadOnlyList<string>? Criteres = null, string? Email = null, string? Ins = null, string? Raison = null, string? Notes = null,
    bool ConsentementContact = false);

/// <param name="Id">Identifiant de la demande.</param>
/// <param name="Reference">Numéro de référence donné au patient (MT-AAAA-NNNNNN).</param>
public sealed record DemandeMtCreeeApi(long Id, string Reference);

/// <param name="Id">Identifiant de la demande.</param>
/// <param name="Reference">Numéro de référence (MT-AAAA-NNNNNN).</param>
/// <param name="Statut">EnAttente, Proposee, Acceptee, Placee, Fusionnee ou Retiree.</param>
/// <param name="Score">Score de priorité actuel (critères et mois d'attente).</param>
/// <param name="Criteres">Codes des critères de priorité.</param>
/// <param name="Commune">Code INSEE de la commune de résidence.</param>
/// <param name="InscritLe">Date d'inscription (début de l'attente), ISO 8601 UTC.</param>
public sealed record DemandeMtApi(long Id, string Reference, string Statut, int Score, IReadOnlyList<string> Criteres, string Commune, DateTime InscritLe);

/// <summary>The /api/medecin-traitant/demandes endpoints.</summary>
internal static class ApiDemandesMt
{
    public static void Mapper(WebApplication app)
    {
        var api = app.MapGroup("/api/medecin-traitant/demandes")
            .WithTags("Médecin traitant — liste d'attente")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("", InscrireAsync)
            .RequireAuthorization(ListeAttente.PolitiqueInscription)
            .WithName("InscrireDemandeMedecinTraitant")
            .WithSummary("Inscrire un patient sans médecin traitant sur la liste d'attente")
            .WithDescription("Coordination, Régulation ou professionnel membre. Erreurs de saisie : 400 avec un `errors` par champ. " +
                "Un doublon possible (même nom et date de naissance, ou même INS) n'empêche pas l'inscription : il est signalé à la Coordination, qui fusionne.");

        api.MapGet("", ListerAsync)
            .RequireAuthorization(Comptes.Comptes.PolitiqueCoordination)
            .WithName("ListerDemandesMedecinTraitant")
            .WithSummary("La liste d'attente, triée par priorité")
            .WithDescription("Coordination seulement. `statut` : EnAttente (défaut), Proposee, Acceptee, Placee, Fusionnee, Retiree, ou `tous`. Paginée (`page`, `pageSize`).");
    }

    private static async Task<Results<Created<DemandeMtCreeeApi>, ValidationProblem>> InscrireAsync(
        NouvelleDemandeMtApi corps, InscrireDemandeMt inscrire, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        var erreursLecture = new ErreursValidation();
        var naissance = LectureApi.Date(corps.DateNaissance, nameof(corps.DateNaissance), "La date de naissance", erreursLecture);
        var origine = utilisateur.IsInRole(Roles.Professionnel) && !utilisateur.IsInRole(Roles.Coordination) && !utilisateur.IsInRole(Roles.Regulation)
            ? OriginesDemandeMt.Professionnel
            : OriginesDemandeMt.Api;
        var saisie = new SaisieDemandeMt(corps.Nom, corps.Prenom, naissance, corps.Sexe, corps.Ins, corps.Telephone, corps.Email,
            corps.CommuneInsee, corps.Raison, corps.Criteres, corps.Notes, corps.ConsentementContact);
        var resultat = await inscrire.ExecuteAsync(saisie, new ContexteInscription(origine, utilisateur.Identity?.Name, MalgreDoublons: true), ct);
        switch (resultat)
        {
            case ResultatInscriptionMt.Inscrite i:
                return TypedResults.Created($"/medecin-traitant/demande/{i.Id.ToString(CultureInfo.InvariantCulture)}", new DemandeMtCreeeApi(i.Id, i.Reference));
            case ResultatInscriptionMt.Invalide inv:
                erreursLecture.AjouterTout(inv.Erreurs);
                return erreursLecture.EnProbleme("Inscription invalide");
            default:
                throw new InvalidOperationException("Duplicates are registered anyway through the API.");
        }
    }

    private static async Task<Results<Ok<PageApi<DemandeMtApi>>, ValidationProblem>> ListerAsync(
        string? statut, int? page, int? pageSize, ListerDemandesMt lister, JournalAudit audit, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        if (statut is not null && statut != FiltreDemandesMt.TousStatuts && !StatutsDemandeMt.Tous.Contains(statut))
        {
            erreurs["statut"] = ["Statut inconnu : " + string.Join(", ", StatutsDemandeMt.Tous) + " ou tous."];
        }
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres invalides");
        }
        var liste = await lister.ExecuteAsync(new FiltreDemandesMt { Statut = statut, TaillePage = taille, Page = numero }, ct);
        var lignes = liste.Lignes.Select(l => new DemandeMtApi(l.Id, l.Reference, l.Statut, l.Score.Total,
            [.. Criteres.Codes(l.Criteres)], l.CodeCommune, DateTime.SpecifyKind(l.InscritLeUtc, DateTimeKind.Utc))).ToList();
        await audit.EnregistrerAsync("Lecture", "ListeMedecinTraitant", statut ?? StatutsDemandeMt.EnAttente, "GET /api/medecin-traitant/demandes", ct);
        return TypedResults.Ok(new PageApi<DemandeMtApi>(lignes, liste.Total, numero, taille));
    }
}
