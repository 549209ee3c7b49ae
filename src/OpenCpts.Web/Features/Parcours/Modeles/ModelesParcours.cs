using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Parcours.Modeles;

/// <summary>Pathway templates: ordered steps, enrolment creates the team's tasks, overdue steps.</summary>
public static class ModelesParcours
{
    public static IServiceCollection AddModelesParcours(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Parcours/Modeles/EditionModeleParcours", "/parcours/modeles/nouveau"));
        services.AddScoped<ListerModelesParcours>();
        services.AddScoped<EnregistrerModeleParcours>();
        services.AddScoped<InscrireAuParcours>();
        services.AddScoped<MarquerTacheFaite>();
        services.AddScoped<ListerTachesEnRetard>();
        services.AddScoped<ListerMesTaches>();
        services.AddScoped<ConsulterParcoursPatient>();
        return services;
    }

    public static WebApplication MapModelesParcours(this WebApplication app)
    {
        // Pages only: /parcours/modeles, /parcours/patients/{id}/inscrire, /parcours/taches-en-retard, /parcours/mes-taches.
        return app;
    }
}
