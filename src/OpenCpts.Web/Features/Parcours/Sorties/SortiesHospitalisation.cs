namespace OpenCpts.Web.Features.Parcours;

/// <summary>Hospital discharge plans: checklist, 48-hour alerts, D+7 closure.</summary>
public static class SortiesHospitalisation
{
    public static IServiceCollection AddSortiesHospitalisation(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapSortiesHospitalisation(this WebApplication app)
    {
        return app;
    }
}
