using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>Shared web plumbing: Razor Pages under /Features, errors, OpenAPI, health.</summary>
public static class PlateformeWeb
{
    public static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public static IServiceCollection AddPlateformeWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environnement)
    {
        // Keys that sign cookies and antiforgery tokens survive restarts (default: data/keys beside the SQLite base).
        var cles = configuration["OpenCpts:DataProtection:Keys"] ?? Path.Combine(environnement.ContentRootPath, "data", "keys");
        // One name per deployment: two deployments that share a key store (a region's storage) still cannot read each
        // other's cookies. The CPTS of one deployment share it, so that a member of two keeps one session.
        var application = configuration["OpenCpts:DataProtection:Application"] is { Length: > 0 } nom ? nom : "OpenCPTS";
        services.AddDataProtection().SetApplicationName(application).PersistKeysToFileSystem(new DirectoryInfo(cles));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/", Comptes.PolitiqueConnecte);
            o.Conventions.AllowAnonymousToFolder("/Comptes/Anonyme");
            o.Conventions.AllowAnonymousToPage("/Shared/Erreur");
        });
        // French text is written as is (é, not &#xE9;): readable source, smaller pages, simpler tests.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ErreurApi>();
        services.AddHttpContextAccessor();
        services.AddScoped<Audit.JournalAudit>();
        services.AddScoped<Patients.ValiderIdentitePatient>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "OpenCPTS API";
            doc.Info.Description = "API de la plateforme OpenCPTS. Authentification : `Authorization: Bearer JETON` (jeton personnel créé depuis le profil).";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<BaseJoignable>("base");
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddTransport(configuration, environnement);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Francais);
            o.SupportedCultures = [Francais];
            o.SupportedUICultures = [Francais];
        });
        return services;
    }

    /// <summary>The middleware pipeline (<see cref="Pipeline"/>), then the shared endpoints: pages, static files,
    /// OpenAPI, health.</summary>
    public static WebApplication UsePlateformeWeb(this WebApplication app)
    {
        app.UsePipeline();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions()).AllowAnonymous();
        return app;
    }

    /// <summary>Prints where the platform listens and, for the demo, its accounts.</summary>
    public static void AnnoncerDemarrage(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var adresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "http://localhost:5000";
            Console.WriteLine();
            Console.WriteLine($"OpenCPTS est démarré : {adresses}");
            var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Demo.OptionsDemo>>().Value;
            if (demo.Charger)
            {
                Console.WriteLine($"Comptes de démonstration (mot de passe {Features.Demo.SeedDemo.MotDePasse}) :");
                foreach (var (email, role) in Features.Demo.SeedDemo.Comptes)
                {
                    Console.WriteLine($"  {email,-32} {Roles.Libelle(role)}");
                }
                var jeton = app.Services.GetRequiredService<Features.Demo.JetonDemoSas>().Valeur;
                Console.WriteLine(jeton is null
                    ? $"Jeton d'API de la plateforme SAS : affiché au premier chargement de la démo (sinon : -- token create --user {Features.Demo.SeedDemo.EmailPlateformeSas} --name SAS)."
                    : $"Jeton d'API de la plateforme SAS (Authorization: Bearer) : {jeton}");
            }
            Console.WriteLine();
        });
    }

    private sealed class BaseJoignable(OpenCptsDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Base de données joignable")
                : HealthCheckResult.Unhealthy("Base de données injoignable");
    }
}
