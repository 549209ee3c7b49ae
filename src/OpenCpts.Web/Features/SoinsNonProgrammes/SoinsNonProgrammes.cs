using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

public static class SoinsNonProgrammes
{
    /// <summary>Policy: the regulation desk and the booking API (Régulation and Coordination).</summary>
    public const string PolitiqueRegulation = "SnpRegulation";

    public static IServiceCollection AddSoinsNonProgrammes(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueRegulation, p => p.RequireRole(Roles.Regulation, Roles.Coordination));
        services.AddScoped<ValiderPatient>();
        services.AddScoped<ReserverCreneau>();
        services.AddScoped<AnnulerReservation>();
        services.AddScoped<ReplanifierReservation>();
        services.AddScoped<MarquerHonoree>();
        services.AddScoped<RechercherCreneauxProposes>();
        services.AddScoped<CreerDemande>();
        services.AddScoped<OrienterDemande>();
        services.AddScoped<ClasserDemandeSansSolution>();
        services.AddScoped<ListerDemandesDuJour>();
        services.AddScoped<ConsulterReservation>();
        services.AddScoped<Infrastructure.Geocodage.GeocoderTerritoire>();
        services.AddScoped<SaisirCoordonneesSite>();
        services.AddScoped<CalculerSuiviSnp>();
        return services;
    }

    public static WebApplication MapSoinsNonProgrammes(this WebApplication app)
    {
        ApiSnp.Mapper(app);
        return app;
    }
}
