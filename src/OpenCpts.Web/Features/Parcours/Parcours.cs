using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Demandes;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Features.Parcours.Sorties;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>
/// Registration of the care-pathway feature (ACI mission 2): care requests (Demandes), hospital discharge
/// plans (Sorties), the patient's care team and thread (Equipe), protocols (Protocoles) and pathway
/// templates (Modeles). Each part registers itself; this class only composes them.
/// </summary>
public static class Parcours
{
    /// <summary>Everyone who takes part in pathways: Coordination, Régulation, professionals, establishments.</summary>
    public const string PolitiqueParcours = "Parcours";

    /// <summary>Who posts care requests and opens discharge plans: Coordination, Régulation, establishments, professionals.</summary>
    public const string PolitiqueDemandeur = "ParcoursDemandeur";

    /// <summary>Aggregated pathway figures, without identities: Coordination, Régulation, Bureau, institutional readers.</summary>
    public const string PolitiqueSuivi = "ParcoursSuivi";

    public static IServiceCollection AddParcours(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueParcours, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement))
            .AddPolicy(PolitiqueSuivi, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Bureau, Roles.LectureInstitutionnelle))
            .AddPolicy(PolitiqueDemandeur, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement));
        services.AddScoped<UtilisateurParcours>();
        services.AddScoped<AccesPatient>();
        services.AddScoped<EnregistrerPatient>();
        services.AddScoped<AjouterMembreEquipe>();
        services.AddScoped<ListerDoublonsPatients>();
        services.AddScoped<FusionnerPatientsParcours>();
        services.AddDemandesPriseEnCharge();
        services.AddSortiesHospitalisation();
        services.AddEquipeSoins();
        services.AddProtocoles();
        services.AddModelesParcours();
        return services;
    }

    public static WebApplication MapParcours(this WebApplication app)
    {
        app.MapDemandesPriseEnCharge();
        app.MapSortiesHospitalisation();
        app.MapEquipeSoins();
        app.MapProtocoles();
        app.MapModelesParcours();
        return app;
    }
}
