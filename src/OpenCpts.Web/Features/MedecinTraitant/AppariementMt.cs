using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Medecins;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant;

/// <param name="Communes">Codes INSEE acceptés ; vide = toutes les communes.</param>
/// <param name="AgeMin">Âge minimum accepté (inclus).</param>
/// <param name="AgeMax">Âge maximum accepté (inclus).</param>
/// <param name="Criteres">Le patient doit avoir l'un de ces critères (ALD, PLUS_70…) ; vide = tout patient.</param>
public sealed record RestrictionsApi(IReadOnlyList<string> Communes, int? AgeMin, int? AgeMax, IReadOnlyList<string> Criteres);

/// <param name="Rpps">Numéro RPPS du médecin.</param>
/// <param name="Nom">Nom affiché.</param>
/// <param name="Capacite">Nouveaux patients qu'il peut encore recevoir ce mois-ci (0 s'il est en pause).</param>
/// <param name="CapaciteMensuelle">Nouveaux patients par mois déclarés.</param>
/// <param name="EnPause">Capacité suspendue.</param>
/// <param name="Restrictions">Restrictions choisies par le médecin.</param>
public sealed record CapaciteApi(string Rpps, string Nom, int Capacite, int CapaciteMensuelle, bool EnPause, RestrictionsApi Restrictions);

/// <param name="DemandeId">Identifiant de la demande de médecin traitant.</param>
/// <param name="Rpps">RPPS du médecin proposé.</param>
public sealed record AffectationApi(long DemandeId, string Rpps);

/// <param name="Id">Identifiant de la proposition (brouillon, à relire et envoyer sur /medecin-traitant/propositions).</param>
/// <param name="Affectations">Patients affectés, un médecin chacun.</param>
/// <param name="NonAffectees">Patients en attente laissés sans médecin.</param>
public sealed record PropositionApi(long Id, IReadOnlyList<AffectationApi> Affectations, int NonAffectees);

/// <summary>GP capacities, matching proposals and GP answers: services, policies and the JSON API.</summary>
public static class AppariementMt
{
    /// <summary>Run, review and send proposals; follow accepted patients (Coordination).</summary>
    public const string PolitiquePropositions = "MtPropositions";
    /// <summary>Capacity pages: a GP his own, the Coordination anyone's.</summary>
    public const string PolitiqueCapacites = "MtCapacites";
    /// <summary>Read the capacities through the API.</summary>
    public const string PolitiqueCapacitesApi = "MtCapacitesApi";

    public static IServiceCollection AddAppariementMt(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiquePropositions, p => p.RequireRole(Roles.Coordination))
            .AddPolicy(PolitiqueCapacites, p => p.RequireRole(Roles.Coordination, Roles.Professionnel))
            .AddPolicy(PolitiqueCapacitesApi, p => p.RequireRole(Roles.Coordination, Roles.Regulation));
        services.AddScoped<ChargerDonneesAppariement>();
        services.AddScoped<LancerAppariement>();
        services.AddScoped<ModifierBrouillon>();
        services.AddScoped<EnvoyerProposition>();
        services.AddScoped<AbandonnerProposition>();
        services.AddScoped<RepondreAffectation>();
        services.AddScoped<ConfirmerDeclaration>();
        services.AddScoped<EnregistrerCapacite>();
        services.AddScoped<MedecinConnecte>();
        services.AddScoped<ConsulterProposition>();
        services.AddScoped<ListerMesPropositions>();
        return services;
    }

    public static IEndpointRouteBuilder MapAppariementMt(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/medecin-traitant")
            .WithTags("Médecin traitant")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/capacites", CapacitesAsync)
            .RequireAuthorization(PolitiqueCapacitesApi)
            .WithName("CapacitesMedecinsTraitants")
            .WithSummary("Capacités des médecins généralistes")
            .WithDescription("Pour chaque médecin ayant déclaré une capacité : RPPS, nouveaux patients qu'il peut encore recevoir ce mois-ci (capacité mensuelle moins patients acceptés ce mois et propositions en attente de sa réponse) et restrictions.");

        api.MapPost("/propositions", ProposerAsync)
            .RequireAuthorization(PolitiquePropositions)
            .WithName("LancerAppariementMedecinTraitant")
            .WithSummary("Lancer un appariement")
            .WithDescription("Affecte les patients en attente aux médecins (capacités et restrictions respectées, priorité servie au maximum, puis distances les plus courtes) et enregistre le résultat comme brouillon, que la Coordination relit et envoie. Un brouillon précédent est abandonné. Coordination seulement.");
        return app;
    }

    private static async Task<Results<Ok<PageApi<CapaciteApi>>, ValidationProblem>> CapacitesAsync(
        int? page, int? pageSize, ChargerDonneesAppariement charger, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres de pagination invalides");
        }
        var medecins = await charger.MedecinsAsync(null, ct);
        return TypedResults.Ok(PaginationApi.Decouper([.. medecins.Select(m => new CapaciteApi(m.Rpps, m.NomAffiche, m.Capacite.EnPause ? 0 : m.CapaciteRestante,
                m.Capacite.NouveauxPatientsParMois, m.Capacite.EnPause,
                new RestrictionsApi(m.Capacite.Communes(), m.Capacite.AgeMin, m.Capacite.AgeMax, [.. Criteres.Codes(m.Capacite.CriteresExiges)])))],
            numero, taille));
    }

    private static async Task<Created<PropositionApi>> ProposerAsync(LancerAppariement lancer, ChargerDonneesAppariement charger, ClaimsPrincipal utilisateur, CancellationToken ct)
    {
        var proposition = await lancer.ExecuteAsync(utilisateur.Identity?.Name, ct);
        var rpps = (await charger.MedecinsAsync(null, ct)).ToDictionary(m => m.ProfessionnelId, m => m.Rpps);
        return TypedResults.Created($"/medecin-traitant/propositions?id={proposition.Id}",
            new PropositionApi(proposition.Id, [.. proposition.Affectations.Select(a => new AffectationApi(a.DemandeId, rpps[a.ProfessionnelId]))], proposition.NonAffectees));
    }
}
