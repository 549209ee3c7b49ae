using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>Administrative actions on accounts are written to the audit journal.</summary>
public class AuditComptesTests
{
    private static Task<List<EntreeAudit>> EntreesAsync(OpenCptsApp app, string ressource) =>
        app.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == ressource).OrderBy(e => e.Id).ToListAsync());

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Creating_an_account_and_unlocking_one_are_audited(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var verrouille = await app.CreerUtilisateurAsync(Roles.Bureau);

        await coordination.PosterFormulaireAsync("/administration/securite", new Dictionary<string, string>
        {
            ["Compte.Email"] = "nouvelle@test.invalid",
            ["Compte.NomAffiche"] = "Camille Fictive",
            ["Compte.Role"] = Roles.PlateformeSas,
            ["Compte.MotDePasse"] = "Initial-Cpts-2026?",
        }, action: "/administration/securite?handler=Creer");
        await coordination.PosterFormulaireAsync("/administration/securite", new Dictionary<string, string>(),
            action: $"/administration/securite?handler=Deverrouiller&id={verrouille.Id}");

        var comptes = await EntreesAsync(app, "Compte");
        Assert.Equal(["Creation", "Deverrouillage"], comptes.Select(e => e.Action));
        Assert.Contains("nouvelle@test.invalid", comptes[0].Detail);
        Assert.Contains("Plateforme SAS", comptes[0].Detail);
        Assert.Equal(verrouille.Id, comptes[1].RessourceId);
        Assert.All(comptes, e => Assert.StartsWith("coordination", e.Utilisateur, StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Two_factor_changes_are_audited(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);
        await DeuxFacteursTests.ActiverAsync(client);

        await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = OpenCptsApp.MotDePasse },
            action: "/compte/deux-facteurs?handler=Codes");
        await client.PosterFormulaireAsync("/compte/deux-facteurs", new Dictionary<string, string> { ["verification"] = OpenCptsApp.MotDePasse },
            action: "/compte/deux-facteurs?handler=Desactiver");

        var entrees = await EntreesAsync(app, "DeuxFacteurs");
        Assert.Equal(["Activation", "Modification", "Desactivation"], entrees.Select(e => e.Action));
        Assert.All(entrees, e => Assert.Equal(utilisateur.Id, e.RessourceId));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Creating_and_revoking_a_token_are_audited(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Regulation);
        await client.PosterFormulaireAsync("/compte/profil",
            new Dictionary<string, string> { ["Jeton.Nom"] = "Logiciel", ["Jeton.Verification"] = OpenCptsApp.MotDePasse }, action: "/compte/profil?handler=Jeton");
        var id = await app.AvecDbAsync(db => db.JetonsApi.Select(j => j.Id).SingleAsync());

        await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>(), action: $"/compte/profil?handler=Revoquer&id={id}");

        var entrees = await EntreesAsync(app, "JetonApi");
        Assert.Equal([("Creation", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Revocation", id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            entrees.Select(e => (e.Action, e.RessourceId)));
        Assert.DoesNotContain(entrees, e => (e.Detail ?? "").Contains("ocpts_", StringComparison.Ordinal));
    }
}
