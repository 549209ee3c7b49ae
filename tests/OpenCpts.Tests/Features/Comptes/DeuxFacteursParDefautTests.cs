using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>2FA is required by default, outside Development, for the roles that see patient identities.</summary>
public class DeuxFacteursParDefautTests
{
    /// <summary>The harness turns the default off for ordinary tests; these tests remove that setting.</summary>
    private static readonly Dictionary<string, string?> SansReglage = new() { ["OpenCpts:Securite:DeuxFacteursParDefaut"] = null };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_setting_the_roles_that_see_patients_must_enrol_and_the_others_need_not(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, parametres: SansReglage);

        foreach (var role in Roles.VoientDesPatients)
        {
            var accueil = await (await app.ClientConnecteAsync(role)).GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, accueil.StatusCode);
            Assert.Equal("/compte/deux-facteurs", accueil.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientConnecteAsync(Roles.Bureau)).GetAsync("/")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task In_Development_two_factor_is_not_required_by_default(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, parametres: SansReglage, environnement: "Development");

        var accueil = await (await app.ClientConnecteAsync(Roles.Regulation)).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, accueil.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_token_cannot_be_created_before_enrolment(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, parametres: SansReglage);
        var client = await app.ClientConnecteAsync(Roles.Professionnel);

        var reponse = await client.PosterFormulaireAsync("/compte/profil",
            new Dictionary<string, string> { ["Jeton.Nom"] = "Agenda", ["Jeton.Verification"] = OpenCptsApp.MotDePasse }, action: "/compte/profil?handler=Jeton");

        Assert.Contains("activez-la avant de créer un jeton d'API", await reponse.TexteAsync());
        Assert.False(await app.AvecDbAsync(db => db.JetonsApi.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_relaxes_the_default_for_a_role_and_each_change_is_audited(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur, parametres: SansReglage);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await DeuxFacteursTests.ActiverAsync(coordination);

        // Everything that was required by default stays required, but Établissement.
        await coordination.PosterFormulaireAsync("/administration/securite",
            new Dictionary<string, string> { ["rolesExigeant[0]"] = Roles.Coordination, ["rolesExigeant[1]"] = Roles.Regulation, ["rolesExigeant[2]"] = Roles.Professionnel },
            action: "/administration/securite?handler=DeuxFacteurs");

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientConnecteAsync(Roles.Etablissement)).GetAsync("/")).StatusCode);
        var entrees = await app.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "ExigenceDeuxFacteurs").ToListAsync());
        var entree = Assert.Single(entrees);
        Assert.Equal(("Modification", Roles.Etablissement), (entree.Action, entree.RessourceId));
        Assert.StartsWith("coordination", entree.Utilisateur, StringComparison.Ordinal);
    }
}
