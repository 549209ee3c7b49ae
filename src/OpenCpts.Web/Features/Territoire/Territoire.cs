using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenCpts.Web.Features.Territoire;

public static class Territoire
{
    public static IServiceCollection AddTerritoire(this IServiceCollection services)
    {
        services.AddScoped<CptsCourante>();
        services.AddScoped<ImportCommunes>();
        services.AddScoped<IndicateursTerritoire>();
        services.AddScoped<RechercherCommunes>();
        services.AddScoped<AjouterCommune>();
        services.AddScoped<RetirerCommune>();
        services.AddScoped<ModifierParametresCpts>();
        return services;
    }

    public static WebApplication MapTerritoire(this WebApplication app)
    {
        app.MapGet("/api/territoire", LireTerritoireAsync)
            .RequireAuthorization(Comptes.Comptes.PolitiqueConnecte)
            .WithTags("Territoire")
            .WithName("LireTerritoire")
            .WithSummary("Territoire de la CPTS")
            .WithDescription("Communes du territoire (code INSEE, nom, codes postaux, population), population totale, taille ACI et nombre de professionnels par profession. Indicateurs sans donnée personnelle : accessible à tout compte connecté.")
            .Produces<TerritoireApi>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<TerritoireApi>, ProblemHttpResult>> LireTerritoireAsync(IndicateursTerritoire indicateurs, CancellationToken ct)
    {
        var t = await indicateurs.ExecuteAsync(ct);
        if (t is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Aucune CPTS configurée",
                detail: "La plateforme n'a pas encore de CPTS : lancez `-- seed demo` ou créez la CPTS.");
        }
        return TypedResults.Ok(new TerritoireApi(
            t.NomCpts,
            [.. t.Communes.Select(c => new CommuneApi(c.CodeInsee, c.Nom, c.CodesPostaux, c.Population, c.Professionnels))],
            t.Population,
            t.TailleAci,
            t.LibelleTailleAci,
            t.Professionnels,
            t.Membres,
            t.DensitePour10000,
            [.. t.ParProfession.Select(Profession)],
            Profession(t.MedecineGenerale)));

        static ProfessionApi Profession(ProfessionDuTerritoire p) => new(p.Code, p.Libelle, p.Professionnels, p.Membres, p.Pour10000);
    }
}

/// <summary>The territory of the CPTS (<c>GET /api/territoire</c>).</summary>
/// <param name="Cpts">Name of the CPTS.</param>
/// <param name="Communes">Communes of the territory, most populated first.</param>
/// <param name="Population">Total population of the territory (INSEE municipal population).</param>
/// <param name="TailleAci">ACI size class, 1 to 4.</param>
/// <param name="LibelleTailleAci">Label of the size class.</param>
/// <param name="Professionnels">Distinct professionals with an activity in the territory.</param>
/// <param name="Membres">Members of the CPTS.</param>
/// <param name="DensitePour10000">Professionals per 10 000 inhabitants.</param>
/// <param name="ParProfession">Professionals of the territory by TRE_G15 profession.</param>
/// <param name="MedecineGenerale">Among the médecins, those in general practice (TRE_R38 SM54, SM26, SM53).</param>
public sealed record TerritoireApi(
    string Cpts,
    IReadOnlyList<CommuneApi> Communes,
    long Population,
    int TailleAci,
    string LibelleTailleAci,
    int Professionnels,
    int Membres,
    double? DensitePour10000,
    IReadOnlyList<ProfessionApi> ParProfession,
    ProfessionApi MedecineGenerale);

/// <param name="Code">INSEE code.</param>
/// <param name="Nom">Name of the commune.</param>
/// <param name="CodesPostaux">La Poste postcodes.</param>
/// <param name="Population">Municipal population.</param>
/// <param name="Professionnels">Distinct professionals with an activity in this commune.</param>
public sealed record CommuneApi(string Code, string Nom, IReadOnlyList<string> CodesPostaux, int Population, int Professionnels);

/// <param name="Code">TRE_G15 profession code (TRE_R38 code for the general practice line).</param>
/// <param name="Libelle">Label of the profession.</param>
/// <param name="Professionnels">Distinct professionals of this profession in the territory.</param>
/// <param name="Membres">Those of them who are members of the CPTS.</param>
/// <param name="Pour10000">Professionals per 10 000 inhabitants.</param>
public sealed record ProfessionApi(string Code, string Libelle, int Professionnels, int Membres, double? Pour10000);
