using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>API tokens expire, die with the owner's security stamp, and record their last use.</summary>
public class ValiditeJetonsTests
{
    private static async Task<(Utilisateur Utilisateur, HttpClient Api)> JetonAsync(OpenCptsApp app, string role = Roles.Bureau)
    {
        var utilisateur = await app.CreerUtilisateurAsync(role);
        var jeton = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(utilisateur.Id, "intégration"));
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.Valeur);
        return (utilisateur, api);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_token_expires_after_90_days_by_default(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (utilisateur, api) = await JetonAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/moi")).StatusCode);

        app.Horloge.Advance(TimeSpan.FromDays(90));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/moi")).StatusCode);
        var page = await (await app.ConnecterAsync(utilisateur.Email!)).GetAsync("/compte/profil");
        var html = await page.TexteAsync();
        Assert.Contains("21/02/2027 10:00", html); // the expiry, in Paris time
        Assert.Contains("Expiré", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_password_change_invalidates_the_tokens_at_once(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (utilisateur, api) = await JetonAsync(app);
        var session = await app.ConnecterAsync(utilisateur.Email!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/moi")).StatusCode);

        var changement = await session.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>
        {
            ["MotDePasse.Actuel"] = OpenCptsApp.MotDePasse,
            ["MotDePasse.Nouveau"] = "Nouveau-Secret-2026!",
            ["MotDePasse.Confirmation"] = "Nouveau-Secret-2026!",
        }, action: "/compte/profil?handler=MotDePasse");

        Assert.Equal(HttpStatusCode.Redirect, changement.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/moi")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Enabling_two_factor_invalidates_the_tokens_at_once(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (utilisateur, api) = await JetonAsync(app);
        var session = await app.ConnecterAsync(utilisateur.Email!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/moi")).StatusCode);

        await DeuxFacteursTests.ActiverAsync(session);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/moi")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_last_use_is_written_at_most_once_a_minute(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (_, api) = await JetonAsync(app);
        var debut = app.Horloge.GetUtcNow().UtcDateTime;
        Task<DateTime?> DernierUsageAsync() => app.AvecDbAsync(db => db.JetonsApi.Select(j => j.DernierUsageUtc).SingleAsync());

        await api.GetAsync("/api/moi");
        Assert.Equal(debut, await DernierUsageAsync());
        app.Horloge.Advance(TimeSpan.FromSeconds(30));
        await api.GetAsync("/api/moi");
        Assert.Equal(debut, await DernierUsageAsync());
        app.Horloge.Advance(TimeSpan.FromSeconds(30));
        await api.GetAsync("/api/moi");

        Assert.Equal(debut.AddMinutes(1), await DernierUsageAsync());
    }
}
