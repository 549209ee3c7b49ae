using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Demo;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>What the sign-in form tells, and the demo password outside Development.</summary>
public partial class SecuriteConnexionTests
{
    [GeneratedRegex("<div class=\"alert alert-danger[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Erreurs();

    private static async Task<string> ErreursAsync(HttpClient client, string email, string motDePasse)
    {
        var reponse = await client.PosterFormulaireAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = email, ["MotDePasse"] = motDePasse });
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return Erreurs().Match(await reponse.TexteAsync()).Groups[1].Value.Trim();
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_password_an_unknown_account_and_a_locked_account_get_the_same_answer(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var existant = await app.CreerUtilisateurAsync(Roles.Bureau);
        var verrouille = await app.CreerUtilisateurAsync(Roles.Bureau);
        await app.AvecServicesAsync(async sp =>
        {
            var um = sp.GetRequiredService<UserManager<Utilisateur>>();
            return await um.SetLockoutEndDateAsync((await um.FindByIdAsync(verrouille.Id))!, DateTimeOffset.UtcNow.AddYears(1));
        });
        var client = app.Client();

        var mauvais = await ErreursAsync(client, existant.Email!, "Mauvais-Mot-2026!");
        var inconnu = await ErreursAsync(client, "personne@test.invalid", "Mauvais-Mot-2026!");
        var bloque = await ErreursAsync(client, verrouille.Email!, OpenCptsApp.MotDePasse);

        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", mauvais);
        Assert.Equal(mauvais, inconnu);
        Assert.Equal(mauvais, bloque);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_password_opens_nothing_outside_Development(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Coordination);
        await app.AvecServicesAsync(async sp =>
        {
            var um = sp.GetRequiredService<UserManager<Utilisateur>>();
            var u = (await um.FindByIdAsync(utilisateur.Id))!;
            await um.RemovePasswordAsync(u);
            return await um.AddPasswordAsync(u, SeedDemo.MotDePasse);
        });

        var erreurs = await ErreursAsync(app.Client(), utilisateur.Email!, SeedDemo.MotDePasse);

        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", erreurs);
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Refus" && e.Ressource == "Connexion" && e.Detail!.Contains("démonstration"))));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Seed_demo_refuses_to_run_in_Production(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, environnement: "Production");
        var erreurs = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeDemo.ChargerAsync(sp, TextWriter.Null, erreurs));

        Assert.Equal(1, code);
        Assert.Contains("Production", erreurs.ToString());
        Assert.False(await app.AvecDbAsync(db => db.Cpts.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_Production_start_never_loads_the_demo_even_when_asked(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, environnement: "Production",
            parametres: new Dictionary<string, string?> { ["OpenCpts:Demo:Charger"] = "true" }, hotePropre: true);

        Assert.False(await app.AvecDbAsync(db => db.Cpts.AnyAsync()));
        Assert.False(await app.AvecDbAsync(db => db.Users.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Sign_in_successes_failures_and_lockouts_are_audited_without_the_password(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Regulation);
        await app.ConnecterAsync(utilisateur.Email!);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await ErreursAsync(client, utilisateur.Email!, "Secret-Faux-2026!" + i);
        }
        await ErreursAsync(client, utilisateur.Email!, OpenCptsApp.MotDePasse);

        var entrees = await app.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "Connexion").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Connexion", "Refus", "Refus", "Refus", "Refus", "Verrouillage", "Verrouillage"], entrees.Select(e => e.Action));
        Assert.All(entrees, e => Assert.Equal(utilisateur.Id, e.RessourceId));
        Assert.DoesNotContain(entrees, e => (e.Detail ?? "").Contains("Secret-Faux", StringComparison.Ordinal) || (e.Detail ?? "").Contains(OpenCptsApp.MotDePasse, StringComparison.Ordinal));
    }
}
