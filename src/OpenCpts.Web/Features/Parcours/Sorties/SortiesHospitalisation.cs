using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>Hospital discharge plans: checklist, 48-hour alerts, D+7 closure.</summary>
public static class SortiesHospitalisation
{
    /// <summary>Who opens discharge plans: the Coordination and establishment (hospital) accounts.</summary>
    public const string PolitiqueOuverture = "SortiesOuverture";

    public static IServiceCollection AddSortiesHospitalisation(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueOuverture, p => p.RequireRole(Roles.Coordination, Roles.Etablissement));
        services.AddScoped<ChargerChecklistSortie>();
        services.AddScoped<ModifierChecklistSortie>();
        services.AddScoped<OuvrirPlanSortie>();
        services.AddScoped<AccesPlanSortie>();
        services.AddScoped<ConsulterPlanSortie>();
        services.AddScoped<ListerPlansSortie>();
        services.AddScoped<ModifierElementSortie>();
        services.AddScoped<ChangerStatutPlanSortie>();
        services.AddScoped<EnvoyerAlertesSortie>();
        services.AddTachePeriodique<AlertesSortie>();
        return services;
    }

    public static WebApplication MapSortiesHospitalisation(this WebApplication app)
    {
        ApiSortiesHospitalisation.Mapper(app);
        return app;
    }
}
