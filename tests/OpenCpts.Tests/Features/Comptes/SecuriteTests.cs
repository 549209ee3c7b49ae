using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class SecuriteTests
{
    private const string MotDePasseInitial = "Initial-Cpts-2026?";

    private static Task<HttpResponseMessage> CreerCompteAsync(HttpClient coordination, string email, string role, string? rpps = null, string motDePasse = MotDePasseInitial) =>
        coordination.PosterFormulaireAsync("/administration/securite", new Dictionary<string, string>
        {
            ["Compte.Email"] = email,
            ["Compte.NomAffiche"] = "Camille Fictive",
            ["Compte.Role"] = role,
            ["Compte.Rpps"] = rpps ?? "",
            ["Compte.MotDePasse"] = motDePasse,
        }, action: "/administration/securite?handler=Creer");

    private static Task<int> AjouterProfessionnelAsync(OpenCptsApp app, string rpps) => app.AvecDbAsync(async db =>
    {
        var p = new Professionnel
        {
            Rpps = rpps,
            IdentifiantNational = "8" + rpps,
            Nom = "FICTIF",
            Prenom = "Camille",
            NomRecherche = "fictif camille",
            CodeProfession = "60",
            CreeLeUtc = app.Horloge.GetUtcNow().UtcDateTime,
            MisAJourLeUtc = app.Horloge.GetUtcNow().UtcDateTime,
        };
        db.Professionnels.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_creates_a_professional_account_linked_to_the_directory_by_RPPS(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var professionnelId = await AjouterProfessionnelAsync(app, "10000000016");
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await CreerCompteAsync(coordination, "camille.fictive@test.invalid", Roles.Professionnel, " 10000000016 ");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var page = await (await coordination.GetAsync("/administration/securite")).TexteAsync();
        Assert.Contains("Le compte camille.fictive@test.invalid est créé.", page);
        Assert.Contains("RPPS 10000000016", page);
        var cree = await app.AvecDbAsync(db => db.Users.SingleAsync(u => u.Email == "camille.fictive@test.invalid"));
        Assert.Equal(professionnelId, cree.ProfessionnelId);
        Assert.Equal("Camille Fictive", cree.NomAffiche);
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, cree.CreeLeUtc);
        var client = await app.ConnecterAsync("camille.fictive@test.invalid", MotDePasseInitial);
        Assert.Contains("Professionnel", await (await client.GetAsync("/compte/profil")).TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_initial_password_breaking_the_rules_is_refused_with_every_rule_in_French(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await CreerCompteAsync(coordination, "faible@test.invalid", Roles.Bureau, motDePasse: "motdepasse");

        var html = await reponse.TexteAsync();
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", html);
        Assert.Contains("Le mot de passe doit contenir au moins un chiffre.", html);
        Assert.Contains("Le mot de passe doit contenir au moins une majuscule.", html);
        Assert.Contains("Le mot de passe doit contenir au moins un caractère spécial.", html);
        Assert.False(await app.AvecDbAsync(db => db.Users.AnyAsync(u => u.Email == "faible@test.invalid")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Account_creation_explains_unknown_RPPS_RPPS_on_another_role_and_duplicate_address(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await AjouterProfessionnelAsync(app, "10000000024");
        var existant = await app.CreerUtilisateurAsync(Roles.Bureau);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var inconnu = await CreerCompteAsync(coordination, "a@test.invalid", Roles.Professionnel, "19999999999");
        var autreRole = await CreerCompteAsync(coordination, "b@test.invalid", Roles.Regulation, "10000000024");
        var doublon = await CreerCompteAsync(coordination, existant.Email!, Roles.Bureau);
        await CreerCompteAsync(coordination, "c@test.invalid", Roles.Professionnel, "10000000024");
        var dejaRelie = await CreerCompteAsync(coordination, "d@test.invalid", Roles.Professionnel, "10000000024");

        Assert.Contains("Aucun professionnel de l'annuaire n'a le RPPS 19999999999.", await inconnu.TexteAsync());
        Assert.Contains("Le RPPS ne sert qu'à relier un compte Professionnel à l'annuaire.", await autreRole.TexteAsync());
        Assert.Contains($"L'adresse {existant.Email} est déjà utilisée par un compte de la plateforme", await doublon.TexteAsync());
        Assert.Contains("Ce professionnel a déjà un compte (c@test.invalid).", await dejaRelie.TexteAsync());
        Assert.Equal(["c@test.invalid"], await app.AvecDbAsync(db => db.Users.Where(u => u.Email!.Length == 14).Select(u => u.Email!).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_account_list_shows_roles_and_two_factor_status(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var lecteur = await app.CreerUtilisateurAsync(Roles.LectureInstitutionnelle, u => { u.NomAffiche = "CPAM du Cher"; u.TwoFactorEnabled = true; });
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var html = await (await coordination.GetAsync("/administration/securite")).TexteAsync();

        var ligne = System.Text.RegularExpressions.Regex.Match(html, $"<tr>\\s*<td[^>]*>{lecteur.Email}</td>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("CPAM du Cher", ligne);
        Assert.Contains("Lecture institutionnelle", ligne);
        Assert.Contains("Activée", ligne);
    }
}
