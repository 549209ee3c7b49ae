namespace OpenCpts.Web.Features.Parcours;

/// <summary>Pathway templates: ordered steps, enrolment creates the team's tasks, overdue steps.</summary>
public static class ModelesParcours
{
    public static IServiceCollection AddModelesParcours(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapModelesParcours(this WebApplication app)
    {
        return app;
    }
}
