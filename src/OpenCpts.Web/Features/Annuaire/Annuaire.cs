using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Annuaire.Structures;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Annuaire;

public static class Annuaire
{
    public static IServiceCollection AddAnnuaire(this IServiceCollection services)
    {
        services.AddScoped<RechercherProfessionnels>();
        services.AddScoped<RechercherStructures>();
        services.AddScoped<ConsulterProfessionnel>();
        services.AddScoped<ConsulterStructure>();
        services.AddScoped<ModifierAdhesion>();
        services.AddScoped<AjouterCompetence>();
        services.AddScoped<RetirerCompetence>();
        services.AddScoped<ModifierCoordonnees>();
        services.AddScoped<ExporterProfessionnels>();
        services.AddScoped<EnregistrerStructure>();
        services.AddScoped<FermerStructure>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Annuaire/Structures/Modifier", "/annuaire/structures/nouvelle"));
        return services;
    }

    public static WebApplication MapAnnuaire(this WebApplication app)
    {
        app.MapGet("/annuaire/export.csv", Exporter)
            .RequireAuthorization(Comptes.Comptes.PolitiqueAnnuaire)
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/annuaire")
            .WithTags("Annuaire")
            .RequireAuthorization(Comptes.Comptes.PolitiqueAnnuaire)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/professionnels", RechercherProfessionnelsApi)
            .WithName("RechercherProfessionnels")
            .WithSummary("Rechercher des professionnels de l'annuaire")
            .WithDescription("Texte libre (nom sans accents ou numéro RPPS), profession (code TRE_G15), spécialité (TRE_R38), commune (code INSEE), compétence déclarée, membres de la CPTS. Résultats paginés, triés par nom.");

        api.MapGet("/professionnels/{rpps}", ConsulterProfessionnelApi)
            .WithName("ConsulterProfessionnel")
            .WithSummary("Fiche d'un professionnel par son numéro RPPS")
            .WithDescription("Identité, profession, spécialité, adhésion à la CPTS, lieux d'exercice et compétences déclarées.");

        api.MapGet("/structures", RechercherStructuresApi)
            .WithName("RechercherStructures")
            .WithSummary("Rechercher des structures de l'annuaire")
            .WithDescription("Texte libre (nom ou numéro FINESS/SIRET), catégorie (code TRE_R66), commune (code INSEE). Résultats paginés.");

        api.MapGet("/structures/{id:int}", ConsulterStructureApi)
            .WithName("ConsulterStructure")
            .WithSummary("Fiche d'une structure")
            .WithDescription("Catégorie, identifiants, adresse, téléphone et professionnels qui y exercent.");

        return app;
    }

    private static PushStreamHttpResult Exporter(
        string? q, string? profession, string? specialite, string? commune, string? competence, bool? membres,
        ExporterProfessionnels export, TimeProvider horloge, HttpContext http)
    {
        var filtre = new FiltreProfessionnels
        {
            Texte = q,
            CodeProfession = profession,
            CodeSpecialite = specialite,
            CodeCommune = commune,
            Competence = competence,
            MembresSeulement = membres == true,
        };
        var date = HeureParis.DepuisUtc(horloge.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", PlateformeWeb.Francais);
        return TypedResults.Stream(flux => export.EcrireAsync(filtre, flux, http.RequestAborted), "text/csv; charset=utf-8", $"annuaire-{date}.csv");
    }

    private static async Task<Results<Ok<PageApi<ProfessionnelTrouve>>, ValidationProblem>> RechercherProfessionnelsApi(
        string? q, string? profession, string? specialite, string? commune, string? competence, bool? membres,
        int? page, int? pageSize, RechercherProfessionnels recherche, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres de pagination invalides");
        }
        var r = await recherche.ExecuteAsync(new FiltreProfessionnels
        {
            Texte = q,
            CodeProfession = profession,
            CodeSpecialite = specialite,
            CodeCommune = commune,
            Competence = competence,
            MembresSeulement = membres == true,
            Page = numero,
            TaillePage = taille,
        }, ct);
        return TypedResults.Ok(new PageApi<ProfessionnelTrouve>(r.Elements, r.Total, r.Page, r.TaillePage));
    }

    private static async Task<Results<Ok<FicheProfessionnel>, ProblemHttpResult>> ConsulterProfessionnelApi(
        string rpps, ConsulterProfessionnel consulter, CancellationToken ct) =>
        await consulter.ParRppsAsync(rpps, ct) is { } fiche
            ? TypedResults.Ok(fiche)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Professionnel introuvable",
                detail: $"Aucun professionnel de l'annuaire n'a le numéro RPPS {rpps}.");

    private static async Task<Results<Ok<PageApi<StructureTrouvee>>, ValidationProblem>> RechercherStructuresApi(
        string? q, string? categorie, string? commune, int? page, int? pageSize, RechercherStructures recherche, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres de pagination invalides");
        }
        var r = await recherche.ExecuteAsync(new FiltreStructures
        {
            Texte = q,
            CodeCategorie = categorie,
            CodeCommune = commune,
            Page = numero,
            TaillePage = taille,
        }, ct);
        return TypedResults.Ok(new PageApi<StructureTrouvee>(r.Elements, r.Total, r.Page, r.TaillePage));
    }

    private static async Task<Results<Ok<FicheStructure>, ProblemHttpResult>> ConsulterStructureApi(
        int id, ConsulterStructure consulter, CancellationToken ct) =>
        await consulter.ExecuteAsync(id, ct) is { } fiche
            ? TypedResults.Ok(fiche)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Structure introuvable",
                detail: $"Aucune structure de l'annuaire n'a l'identifiant {id}.");
}
