using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant;

public class AutorisationsMtTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_sees_his_own_registrations_but_neither_the_list_nor_others_requests(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var pro = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var client = await app.ConnecterAsync(pro.Email!);
        var sienne = await app.AjouterDemandeAsync("VASSEUR", "Odile", new DateOnly(1944, 3, 3), inscritPar: pro.Email);
        var autre = await app.AjouterDemandeAsync("CARON", "Yves", new DateOnly(1939, 7, 7), inscritPar: "autre@test.invalid");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/medecin-traitant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/medecin-traitant/demande/{autre.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/medecin-traitant/demande/{sienne.Id}")).StatusCode);
        var inscrire = await (await client.GetAsync("/medecin-traitant/inscrire")).TexteAsync();
        Assert.Contains("VASSEUR", inscrire, StringComparison.Ordinal);
        Assert.DoesNotContain("CARON", inscrire, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/medecin-traitant/suivi")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_cannot_withdraw_even_his_own_request(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var pro = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var client = await app.ConnecterAsync(pro.Email!);
        var sienne = await app.AjouterDemandeAsync("VASSEUR", "Odile", new DateOnly(1944, 3, 3), inscritPar: pro.Email);
        var page = $"/medecin-traitant/demande/{sienne.Id}";

        var reponse = await client.PosterFormulaireAsync("/medecin-traitant/inscrire", new Dictionary<string, string> { ["motif"] = "test" }, page + "?handler=Retirer");

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.Equal(StatutsDemandeMt.EnAttente, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.Select(d => d.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Institutional_readers_see_aggregates_without_identities_and_cannot_export(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var d = await app.AjouterDemandeAsync("VASSEUR", "Odile", new DateOnly(1944, 3, 3), CriteresPriorite.Ald);
        var client = await app.ClientConnecteAsync(Roles.LectureInstitutionnelle);

        var suivi = await client.GetAsync("/medecin-traitant/suivi");

        Assert.Equal(HttpStatusCode.OK, suivi.StatusCode);
        var html = await suivi.TexteAsync();
        Assert.Equal("1", Html.ElementParId(html, "en-attente"));
        Assert.DoesNotContain("VASSEUR", html, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Reference, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/medecin-traitant/suivi?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/medecin-traitant")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/medecin-traitant/demande/{d.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/medecin-traitant/inscrire")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_Coordination_exports_the_list_as_CSV_and_the_export_is_audited(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        await app.AjouterDemandeAsync("VASSEUR", "Odile", new DateOnly(1944, 3, 3), CriteresPriorite.Ald);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var csv = await client.GetAsync("/medecin-traitant/suivi?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var texte = await csv.Content.ReadAsStringAsync();
        Assert.Contains("1;MT-2026-", texte, StringComparison.Ordinal);
        Assert.Contains(";VASSEUR;Odile;03/03/1944;Bourges;ALD;En attente;", texte, StringComparison.Ordinal);
        Assert.Equal(1, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Export" && e.Ressource == "ListeMedecinTraitant")));
    }
}
