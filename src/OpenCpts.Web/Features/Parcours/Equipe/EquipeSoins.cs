namespace OpenCpts.Web.Features.Parcours;

/// <summary>The patient's care team: members, consent, shared thread with attachments and read receipts, audit.</summary>
public static class EquipeSoins
{
    public static IServiceCollection AddEquipeSoins(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapEquipeSoins(this WebApplication app)
    {
        return app;
    }
}
