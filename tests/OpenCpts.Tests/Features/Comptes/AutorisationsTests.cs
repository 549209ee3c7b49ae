using System.Net;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>
/// The authorization matrix: for every page, the roles that may open it. A role not allowed gets
/// 403 with the French error page and none of the page's data; an allowed role gets neither 403 nor
/// a server error; an anonymous visitor is sent to the sign-in page.
/// </summary>
public class AutorisationsTests
{
    private const string EmailMarqueur = "marqueur-confidentiel@test.invalid";
    private const string NomMarqueur = "Zorglub-Confidentiel";

    /// <summary>Every role of the CPTS; the SAS platform's machine account has only its own account pages.</summary>
    private static readonly string[] Tous = [.. Roles.Tous.Where(r => r != Roles.PlateformeSas)];
    private static readonly string[] TousEtPlateforme = [.. Roles.Tous];
    private static readonly string[] SaufLecture = [Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Bureau];
    private static readonly string[] Coordination = [Roles.Coordination];
    private static readonly string[] ParcoursRoles = [Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement];

    /// <summary>Pages of the accounts feature and the dashboard.</summary>
    public static TheoryData<Fournisseur, string, string[]> PagesDesComptes => Croiser(
        ("/", Tous),
        ("/compte/profil", TousEtPlateforme),
        ("/compte/deux-facteurs", TousEtPlateforme),
        ("/administration/securite", Coordination));

    /// <summary>
    /// Pages built on other branches: until they are merged, they answer 404, so the rows of forbidden
    /// roles fail on the accounts branch alone (the page's own [Authorize] decides the 403).
    /// </summary>
    public static TheoryData<Fournisseur, string, string[]> PagesDesAutresFonctionnalites => Croiser(
        ("/territoire", Tous),
        ("/annuaire", SaufLecture),
        ("/annuaire/export.csv", SaufLecture),
        ("/import/rpps", Coordination),
        ("/territoire/communes", Coordination),
        ("/snp/disponibilites", [Roles.Coordination, Roles.Regulation, Roles.Professionnel]),
        ("/snp/mes-rendez-vous", [Roles.Professionnel]),
        ("/parcours", ParcoursRoles),
        ("/parcours/demandes", ParcoursRoles),
        ("/parcours/demandes/nouvelle", ParcoursRoles),
        ("/parcours/demandes/suivi", [Roles.Coordination, Roles.Regulation, Roles.Bureau, Roles.LectureInstitutionnelle]),
        ("/parcours/sorties", ParcoursRoles),
        ("/parcours/sorties/nouvelle", [Roles.Coordination, Roles.Etablissement]),
        ("/parcours/sorties/checklist", Coordination),
        ("/parcours/protocoles", [Roles.Coordination, Roles.Regulation, Roles.Professionnel, Roles.Etablissement, Roles.Bureau]),
        ("/parcours/modeles", Coordination),
        ("/parcours/taches-en-retard", Coordination),
        ("/parcours/mes-taches", ParcoursRoles));

    private static TheoryData<Fournisseur, string, string[]> Croiser(params (string Url, string[] Roles)[] pages)
    {
        var donnees = new TheoryData<Fournisseur, string, string[]>();
        foreach (var fournisseur in Enum.GetValues<Fournisseur>())
        {
            foreach (var (url, roles) in pages)
            {
                donnees.Add(fournisseur, url, roles);
            }
        }
        return donnees;
    }

    [Theory, MemberData(nameof(PagesDesComptes))]
    public Task Pages_of_the_accounts_feature_answer_by_role(Fournisseur fournisseur, string url, string[] autorises) =>
        VerifierAsync(fournisseur, url, autorises);

    [Theory, MemberData(nameof(PagesDesAutresFonctionnalites))]
    public Task Pages_of_the_other_features_answer_by_role(Fournisseur fournisseur, string url, string[] autorises) =>
        VerifierAsync(fournisseur, url, autorises);

    private static async Task VerifierAsync(Fournisseur fournisseur, string url, string[] autorises)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        await SemerDesDonneesReconnaissablesAsync(app);

        foreach (var role in Roles.Tous)
        {
            var client = await app.ClientConnecteAsync(role);
            var reponse = await client.GetAsync(url);
            var statut = (int)reponse.StatusCode;
            if (autorises.Contains(role))
            {
                Assert.True(statut != 403 && statut < 500, $"{role} on {url}: {statut}, expected access");
            }
            else
            {
                Assert.True(statut == 403, $"{role} on {url}: {statut}, expected 403");
                var corps = await reponse.TexteAsync();
                Assert.Contains("Accès refusé", corps);
                Assert.DoesNotContain(EmailMarqueur, corps);
                Assert.DoesNotContain(NomMarqueur, corps, StringComparison.OrdinalIgnoreCase);
            }
        }

        var anonyme = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonyme.StatusCode);
        Assert.Equal("/compte/connexion", anonyme.Headers.Location?.AbsolutePath ?? anonyme.Headers.Location?.OriginalString.Split('?')[0]);
    }

    /// <summary>An account and a professional whose names would show up in any page listing accounts or the directory.</summary>
    private static async Task SemerDesDonneesReconnaissablesAsync(OpenCptsApp app)
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
        Assert.False(await app.AvecDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ExigencesDeuxFacteurs)));
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
