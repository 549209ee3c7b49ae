namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>The patient's care team: members, consent, shared thread with attachments and read receipts, audit.</summary>
public static class EquipeSoins
{
    public static IServiceCollection AddEquipeSoins(this IServiceCollection services)
    {
        services.AddScoped<ConsulterEquipe>();
        services.AddScoped<RechercherProfessionnelsEquipe>();
        services.AddScoped<AjouterProfessionnelEquipe>();
        services.AddScoped<RetirerMembreEquipe>();
        services.AddScoped<ConsulterDossierPatient>();
        services.AddScoped<EnregistrerConsentement>();
        services.AddScoped<PublierMessageEquipe>();
        services.AddScoped<ConsulterFilEquipe>();
        return services;
    }

    public static WebApplication MapEquipeSoins(this WebApplication app)
    {
        TelechargerPieceJointe.Mapper(app);
        ApiAuditPatient.Mapper(app);
        return app;
    }
}
