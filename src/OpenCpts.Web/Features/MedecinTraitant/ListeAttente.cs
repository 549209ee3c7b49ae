using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.MedecinTraitant.Suivi;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant;

/// <summary>
/// The waiting list of patients without médecin traitant: registration (staff, member professionals, public form,
/// API), priority, duplicates, follow-up. Who sees what:
/// Coordination and Régulation work the list; a Professionnel registers patients and sees only his own requests;
/// the Bureau and the Lecture institutionnelle see the follow-up aggregates, never identities.
/// </summary>
public static class ListeAttente
{
    /// <summary>Reads and works the list (identities): Coordination, Régulation.</summary>
    public const string PolitiqueListe = "MtListe";
    /// <summary>Registers a patient: Coordination, Régulation, member professionals.</summary>
    public const string PolitiqueInscription = "MtInscription";
    /// <summary>Aggregated follow-up, no identities: Coordination, Bureau, Lecture institutionnelle.</summary>
    public const string PolitiqueSuivi = "MtSuivi";
    /// <summary>Rate limit of the anonymous public form, per IPv4 address or IPv6 /64.</summary>
    public const string LimiteInscriptionPublique = "MtInscriptionPublique";

    public static IServiceCollection AddListeAttente(this IServiceCollection services)
    {
        services.AddOptionsValidees<OptionsListeAttente>("OpenCpts:MedecinTraitant");
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueListe, p => p.RequireRole(Roles.Coordination, Roles.Regulation))
            .AddPolicy(PolitiqueInscription, p => p.RequireRole(Roles.Coordination, Roles.Regulation, Roles.Professionnel))
            .AddPolicy(PolitiqueSuivi, p => p.RequireRole(Roles.Coordination, Roles.Bureau, Roles.LectureInstitutionnelle));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the submissions count: showing the form again is free.
            // The client address is the one the forwarded headers give when a known proxy relays (Infrastructure/Web/Transport).
            o.AddPolicy(LimiteInscriptionPublique, http => HttpMethods.IsPost(http.Request.Method)
                ? LimitationDebit.Partition("mt:" + LimitationDebit.CleAdresse(http.Connection.RemoteIpAddress),
                    http.RequestServices.GetRequiredService<IOptions<OptionsListeAttente>>().Value.InscriptionsParHeure, TimeSpan.FromHours(1),
                    http.RequestServices.GetRequiredService<TimeProvider>())
                : RateLimitPartition.GetNoLimiter("lecture"));
        });
        services.AddScoped<ValiderDemandeMt>();
        services.AddScoped<DetecterDoublons>();
        services.AddScoped<InscrireDemandeMt>();
        services.AddScoped<ChargerPonderation>();
        services.AddScoped<ListerDemandesMt>();
        services.AddScoped<ConsulterDemandeMt>();
        services.AddScoped<ModifierDemandeMt>();
        services.AddScoped<RetirerDemandeMt>();
        services.AddScoped<FusionnerDemandesMt>();
        services.AddScoped<EnregistrerPonderation>();
        services.AddScoped<CalculerSuiviMt>();
        services.AddScoped<UsagesUniques>();
        services.AddScoped<DefiInscription>();
        services.AddScoped<PlafondInscriptionsPubliques>();
        return services;
    }

    public static WebApplication MapListeAttente(this WebApplication app)
    {
        // The rate limiter middleware (which applies the public page's [EnableRateLimiting]) is added once, after
        // routing, by MapComptes (LimitationConnexion.UseLimitationConnexion).
        ApiDemandesMt.Mapper(app);
        return app;
    }
}
