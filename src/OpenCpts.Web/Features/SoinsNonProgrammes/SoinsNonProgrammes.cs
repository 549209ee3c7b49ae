using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Taches;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

public static class SoinsNonProgrammes
{
    /// <summary>Manage availabilities: a professional his own, the Régulation and the Coordination anyone's.</summary>
    public const string PolitiqueDisponibilites = "SnpDisponibilites";

    /// <summary>Policy: the regulation desk and the booking API (Régulation and Coordination).</summary>
    public const string PolitiqueRegulation = "SnpRegulation";

    /// <summary>Rate limit of the anonymous cancellation page, per IPv4 address or IPv6 /64.</summary>
    public const string LimiteAnnulationPublique = "SnpAnnulationPublique";

    public static IServiceCollection AddSoinsNonProgrammes(this IServiceCollection services)
    {
        services.AddOptionsValidees<OptionsSnp>("OpenCpts:Snp");
        services.AddScoped<MaterialiserCreneaux>();
        services.AddScoped<EnregistrerModele>();
        services.AddScoped<SuspendreModele>();
        services.AddScoped<ArchiverModele>();
        services.AddScoped<PublierCreneauPonctuel>();
        services.AddScoped<GererFluxCalendrier>();
        services.AddScoped<ConstruireFluxIcs>();
        services.AddScoped<ProfessionnelGere>();
        services.AddScoped<ConsulterMesRendezVous>();
        services.AddScoped<ListerDisponibilites>();
        services.AddTachePeriodique<MaterialisationPeriodique>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PolitiqueDisponibilites, p => p.RequireRole(Roles.Professionnel, Roles.Regulation, Roles.Coordination))
            .AddPolicy(PolitiqueRegulation, p => p.RequireRole(Roles.Regulation, Roles.Coordination));
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
        services.AddScoped<ListerCandidatsSurnumeraire>();
        services.AddScoped<EnvoyerSurnumeraire>();
        services.AddScoped<RepondreSurnumeraire>();
        services.AddScoped<ConsulterInvitationsSurnumeraire>();
        services.AddScoped<CalculerDemandesSnp>();
        services.AddScoped<Rappels.LienAnnulation>();
        services.AddScoped<Rappels.AnnulerParLien>();
        services.AddScoped<Rappels.EnvoyerRappelsPatients>();
        services.AddTachePeriodique<Rappels.RappelsPatientsPeriodique>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A patient opens his link once or twice: 20 requests per address and hour leave no room to try links.
            o.AddPolicy(LimiteAnnulationPublique, http => LimitationDebit.Partition("snp-annulation:" + LimitationDebit.CleAdresse(http.Connection.RemoteIpAddress),
                20, TimeSpan.FromHours(1), http.RequestServices.GetRequiredService<TimeProvider>()));
        });
        return services;
    }

    public static WebApplication MapSoinsNonProgrammes(this WebApplication app)
    {
        // Anonymous: calendar apps cannot sign in; the unguessable secret is the credential.
        app.MapGet("/snp/calendrier/{fichier}", async (string fichier, ConstruireFluxIcs flux, CancellationToken ct) =>
        {
            if (!fichier.EndsWith(".ics", StringComparison.Ordinal))
            {
                return Results.NotFound();
            }
            var ics = await flux.ExecuteAsync(fichier[..^4], ct);
            return ics is null ? Results.NotFound() : Results.Text(ics, "text/calendar; charset=utf-8");
        })
            .AllowAnonymous()
            .ExcludeFromDescription();
        ApiSnp.Mapper(app);
        return app;
    }
}
