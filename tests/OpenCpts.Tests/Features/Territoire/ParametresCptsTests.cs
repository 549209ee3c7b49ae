using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Tests.Features.Territoire;

/// <summary>The CPTS's own settings (<c>/territoire/parametres</c>) and the SAS Organization built from them. Invented numbers.</summary>
public class ParametresCptsTests
{
    private const string Page = "/territoire/parametres";

    private static Dictionary<string, string> Parametres(string finess = "18 000 000 2", string siret = "123 456 782 00010") => new()
    {
        ["Nom"] = "CPTS du Pays de Bourges",
        ["Finess"] = finess,
        ["Siret"] = siret,
        ["Telephone"] = "02 61 91 00 00",
        ["Email"] = "contact@cpts-bourges.invalid",
    };

    /// <summary>The CPTS's Organization as the SAS platform reads it (the CPTS needs a member to be served).</summary>
    private static async Task<JsonNode> OrganisationSasAsync(OpenCptsApp app, int cptsId)
    {
        await app.AjouterAsync(new ProfessionnelBuilder("ROUX", "Anne").MembreDe(cptsId));
        var sas = await app.ClientApiAsync(Roles.PlateformeSas);
        var reponse = await sas.GetAsync($"/fhir/Organization/{cptsId}");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return JsonNode.Parse(await reponse.Content.ReadAsStringAsync())!;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordinator_saves_the_settings_and_the_SAS_organization_shows_them(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.PosterFormulaireAsync(Page, Parametres());

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var enregistree = await app.AvecDbAsync(db => db.Cpts.SingleAsync(c => c.Id == cpts.Id));
        Assert.Equal(("CPTS du Pays de Bourges", "180000002", "12345678200010", "0261910000", "contact@cpts-bourges.invalid"),
            (enregistree.Nom, enregistree.Finess, enregistree.Siret, enregistree.Telephone, enregistree.Email));
        Assert.Contains("Paramètres de la CPTS enregistrés.", await client.PageAsync(Page));
        var organisation = await OrganisationSasAsync(app, cpts.Id);
        Assert.Equal("CPTS du Pays de Bourges", (string?)organisation["name"]);
        var identifiant = organisation["identifier"]!.AsArray().Single()!;
        Assert.Equal(("urn:oid:1.2.250.1.71.4.2.2", "1180000002", "IDNST"),
            ((string?)identifiant["system"], (string?)identifiant["value"], (string?)identifiant["type"]!["coding"]![0]!["code"]));
        Assert.Equal(["phone:+33261910000", "email:contact@cpts-bourges.invalid"],
            organisation["telecom"]!.AsArray().Select(t => $"{(string?)t!["system"]}:{(string?)t["value"]}").ToArray());
        var audit = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync(e => e.Ressource == "Cpts" && e.Action == "Modification"));
        Assert.Equal("Paramètres de la CPTS : nom, FINESS, SIRET, téléphone, e-mail", audit.Detail);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_a_FINESS_the_SAS_organization_is_identified_by_the_SIRET(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        await client.PosterFormulaireAsync(Page, Parametres(finess: ""));

        var identifiant = (await OrganisationSasAsync(app, cpts.Id))["identifier"]!.AsArray().Single()!;
        Assert.Equal(("urn:oid:1.2.250.1.71.4.2.2", "312345678200010"), ((string?)identifiant["system"], (string?)identifiant["value"]));
        Assert.Null(await app.AvecDbAsync(db => db.Cpts.Where(c => c.Id == cpts.Id).Select(c => c.Finess).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Wrong_settings_are_explained_in_French_kept_as_typed_and_not_saved(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var saisie = Parametres(finess: "180000001", siret: "1234");
        saisie["Nom"] = " ";
        saisie["Telephone"] = "12 34";
        saisie["Email"] = "pas-une-adresse";

        var reponse = await client.PosterFormulaireAsync(Page, saisie);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("Les paramètres ne sont pas enregistrés", html);
        Assert.Contains("Le nom de la CPTS est obligatoire.", html);
        Assert.Contains(NumeroFiness.MessageInvalide, html);
        Assert.Contains(NumeroSiret.MessageInvalide, html);
        Assert.Contains(NumeroTelephone.MessageInvalide, html);
        Assert.Contains("L'adresse e-mail n'est pas valide.", html);
        Assert.Contains("value=\"180000001\"", html);
        Assert.Contains("value=\"1234\"", html);
        Assert.Contains("value=\"pas-une-adresse\"", html);
        var inchangee = await app.AvecDbAsync(db => db.Cpts.SingleAsync(c => c.Id == cpts.Id));
        Assert.Equal((cpts.Nom, (string?)null, (string?)null), (inchangee.Nom, inchangee.Finess, inchangee.Siret));
        Assert.False(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Ressource == "Cpts")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_coordination_may_change_the_settings(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");

        foreach (var role in Roles.Tous.Where(r => r != Roles.Coordination))
        {
            var client = await app.ClientConnecteAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Page, new FormUrlEncodedContent(Parametres()))).StatusCode);
        }
        Assert.Null(await app.AvecDbAsync(db => db.Cpts.Where(c => c.Id == cpts.Id).Select(c => c.Finess).SingleAsync()));
    }
}
