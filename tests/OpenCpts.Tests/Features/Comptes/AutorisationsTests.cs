using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>
/// The authorization matrix: for every page without route parameters, the roles that may open it. An allowed
/// role gets the page itself (200: a page that disappears or fails makes the row fail); a role not allowed gets
/// 403 with the French error page and none of the page's data; an anonymous visitor is sent to the sign-in page.
/// One platform per provider serves every row (<see cref="MatriceAutorisations"/>), signed in once per role.
/// </summary>
public class AutorisationsTests(MatriceAutorisations matrice) : IClassFixture<MatriceAutorisations>
{
    internal const string EmailMarqueur = "marqueur-confidentiel@test.invalid";
    internal const string NomMarqueur = "Zorglub-Confidentiel";

    /// <summary>Every role of the CPTS; the SAS platform's machine account has only its own account pages.</summary>
    private static readonly string[] Tous = [.. Roles.Tous.Where(r => r != Roles.PlateformeSas)];
    private static readonly string[] TousEtPlateforme = [.. Roles.Tous];
    private static readonly string[] SaufLecture = [Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Bureau];
    private static readonly string[] Coordination = [Roles.Coordination];
    private static readonly string[] Regulation = [Roles.Coordination, Roles.Regulation];
    private static readonly string[] ParcoursRoles = [Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement];

    /// <summary>Every page without route parameters that needs an account, with the roles allowed on it.</summary>
    internal static readonly (string Url, string[] Roles)[] Pages =
    [
        ("/", Tous),
        ("/compte/profil", TousEtPlateforme),
        ("/compte/cpts", TousEtPlateforme),
        ("/compte/deux-facteurs", TousEtPlateforme),
        ("/notifications", Tous),
        ("/notifications/preferences", Tous),
        ("/administration/securite", Coordination),
        ("/administration/comptes", Coordination),
        ("/administration/comptes/inviter-membres", Coordination),
        ("/administration/audit", Coordination),
        ("/territoire", Tous),
        ("/territoire/communes", Coordination),
        ("/territoire/parametres", Coordination),
        ("/annuaire", SaufLecture),
        // Open to the directory's readers; only an account linked to a directory entry has one (the others get 404).
        ("/annuaire/moi", [Roles.Professionnel]),
        ("/annuaire/export.csv", SaufLecture),
        ("/annuaire/structures/nouvelle", Coordination),
        ("/import/rpps", Coordination),
        ("/import/finess", Coordination),
        ("/snp/disponibilites", [Roles.Coordination, Roles.Regulation, Roles.Professionnel]),
        ("/snp/mes-rendez-vous", [Roles.Professionnel]),
        ("/snp/regulation", Regulation),
        ("/snp/boite-envoi", Regulation),
        ("/snp/geocodage", Coordination),
        ("/snp/suivi", [Roles.Coordination, Roles.Bureau]),
        ("/medecin-traitant", Regulation),
        ("/medecin-traitant/inscrire", [Roles.Coordination, Roles.Regulation, Roles.Professionnel]),
        ("/medecin-traitant/suivi", [Roles.Coordination, Roles.Bureau, Roles.LectureInstitutionnelle]),
        ("/medecin-traitant/ponderation", Coordination),
        ("/medecin-traitant/capacites", [Roles.Coordination, Roles.Professionnel]),
        ("/medecin-traitant/propositions", Coordination),
        ("/medecin-traitant/mes-patients", [Roles.Professionnel]),
        ("/parcours", ParcoursRoles),
        ("/parcours/demandes", ParcoursRoles),
        ("/parcours/demandes/nouvelle", ParcoursRoles),
        ("/parcours/demandes/suivi", [Roles.Coordination, Roles.Regulation, Roles.Bureau, Roles.LectureInstitutionnelle]),
        ("/parcours/sorties", ParcoursRoles),
        ("/parcours/sorties/nouvelle", [Roles.Coordination, Roles.Etablissement]),
        ("/parcours/sorties/checklist", Coordination),
        ("/parcours/protocoles", [Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement, Roles.Bureau]),
        ("/parcours/modeles", Coordination),
        ("/parcours/modeles/nouveau", Coordination),
        ("/parcours/patients/doublons", Coordination),
        ("/parcours/protocoles/nouveau", Coordination),
        ("/parcours/taches-en-retard", Coordination),
        ("/parcours/mes-taches", ParcoursRoles),
    ];

    /// <summary>Pages open without an account (sign-in, the public forms, the SAS regulator's link), out of the matrix.</summary>
    private static readonly string[] PagesPubliques =
    [
        "/compte/connexion", "/compte/connexion-2fa", "/compte/deconnexion", "/compte/invitation/{secret}", "/compte/mot-de-passe-oublie",
        "/compte/reinitialiser", "/compte/confirmer-email", "/medecin-traitant/inscription", "/sas/connexion", "/sas/reserver", "/erreur/{code:int}",
    ];

    public static TheoryData<Fournisseur, string> Lignes()
    {
        var donnees = new TheoryData<Fournisseur, string>();
        foreach (var fournisseur in Enum.GetValues<Fournisseur>())
        {
            foreach (var (url, _) in Pages)
            {
                donnees.Add(fournisseur, url);
            }
        }
        return donnees;
    }

    /// <summary>Allowed roles for which the page answers 404 by design (the account has no entry of its own).</summary>
    private static readonly (string Url, string[] Roles)[] SansObjetPropre =
    [
        ("/annuaire/moi", [Roles.Coordination, Roles.Regulation, Roles.Bureau]),
    ];

    [Theory, MemberData(nameof(Lignes))]
    public async Task Each_page_answers_by_role(Fournisseur fournisseur, string url)
    {
        var autorises = Pages.Single(p => p.Url == url).Roles;
        var sansObjet = SansObjetPropre.SingleOrDefault(p => p.Url == url).Roles ?? [];
        var plateforme = await matrice.PlateformeAsync(fournisseur);

        foreach (var role in Roles.Tous)
        {
            var reponse = await plateforme.Clients[role].GetAsync(url);
            if (sansObjet.Contains(role))
            {
                Assert.True(reponse.StatusCode == HttpStatusCode.NotFound, $"{role} on {url}: {(int)reponse.StatusCode}, expected 404 (no entry of its own)");
            }
            else if (autorises.Contains(role))
            {
                Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{role} on {url}: {(int)reponse.StatusCode}, expected 200");
            }
            else
            {
                Assert.True(reponse.StatusCode == HttpStatusCode.Forbidden, $"{role} on {url}: {(int)reponse.StatusCode}, expected 403");
                var corps = await reponse.TexteAsync();
                Assert.Contains("Accès refusé", corps);
                Assert.DoesNotContain(EmailMarqueur, corps);
                Assert.DoesNotContain(NomMarqueur, corps, StringComparison.OrdinalIgnoreCase);
            }
        }

        var anonyme = await plateforme.App.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonyme.StatusCode);
        Assert.Equal("/compte/connexion", anonyme.Headers.Location?.AbsolutePath ?? anonyme.Headers.Location?.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task Every_page_without_parameters_is_in_the_matrix()
    {
        var plateforme = await matrice.PlateformeAsync(Fournisseur.Sqlite);
        var routes = plateforme.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/').Replace("/{handler?}", "", StringComparison.Ordinal))
            .Where(r => !r.Contains('{', StringComparison.Ordinal) || r.StartsWith("/erreur/", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var absentes = routes.Except(Pages.Select(p => p.Url)).Except(PagesPubliques).ToList();

        Assert.True(absentes.Count == 0, "Pages missing from the authorization matrix: " + string.Join(", ", absentes));
    }

    /// <summary>An account and a professional whose names would show up in any page listing accounts or the directory.</summary>
    internal static async Task SemerDesDonneesReconnaissablesAsync(OpenCptsApp app)
    {
        await app.CreerUtilisateurAsync(Roles.Professionnel, u => { u.Email = EmailMarqueur; u.UserName = EmailMarqueur; u.NomAffiche = NomMarqueur; });
        await app.AvecDbAsync(async db =>
        {
            var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
            db.Professionnels.Add(new Professionnel
            {
                Rpps = "10000000032",
                IdentifiantNational = "810000000032",
                Nom = NomMarqueur.ToUpperInvariant(),
                Prenom = "Alix",
                NomRecherche = "zorglub-confidentiel alix",
                CodeProfession = "10",
                CodeSpecialite = "SM54",
                CreeLeUtc = maintenant,
                MisAJourLeUtc = maintenant,
                Activites = [new ActiviteProfessionnelle { IdentifiantSite = "S1", CodeCommune = "18033", LibelleCommune = "Bourges", Voie = "1 RUE FICTIVE" }],
            });
            await db.SaveChangesAsync();
        });
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_forbidden_form_post_gets_403_and_changes_nothing(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var bureau = await app.ClientConnecteAsync(Roles.Bureau);
        var jeton = await bureau.JetonAntiforgeryAsync("/compte/profil");

        var reponse = await bureau.PostAsync("/administration/securite?handler=DeuxFacteurs", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["rolesExigeant[0]"] = Roles.Bureau,
            ["__RequestVerificationToken"] = jeton,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.False(await app.AvecDbAsync(db => db.ExigencesDeuxFacteurs.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_anonymous_api_call_gets_401_problem_details(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var reponse = await app.Client().GetAsync("/api/moi");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_api_documentation_describes_api_moi(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var openapi = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/moi\"", openapi);
        Assert.Contains("\"operationId\": \"Moi\"", openapi);
    }
}

/// <summary>
/// The platforms of the authorization matrix: one per provider, started on first use, with recognisable data
/// and one signed-in client per role, shared by every row (the rows only read).
/// </summary>
public sealed class MatriceAutorisations : IAsyncLifetime
{
    public sealed record Plateforme(OpenCptsApp App, IReadOnlyDictionary<string, HttpClient> Clients);

    private readonly UneParFournisseur<Plateforme> _plateformes = new(DemarrerAsync, p => p.App);

    public Task<Plateforme> PlateformeAsync(Fournisseur fournisseur) => _plateformes.ObtenirAsync(fournisseur);

    private static async Task<Plateforme> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        await AutorisationsTests.SemerDesDonneesReconnaissablesAsync(app);
        // The professional's account is linked to his directory entry, as every real member's is.
        var professionnel = await app.AvecDbAsync(db => db.Professionnels.Select(p => p.Id).FirstAsync());
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.Tous)
        {
            clients[role] = await app.ClientConnecteAsync(role, u => u.ProfessionnelId = role == Roles.Professionnel ? professionnel : null);
        }
        return new Plateforme(app, clients);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _plateformes.DisposeAsync();
}
