using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant.Demandes;

public class ListeDemandesMtTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_list_ranks_by_score_explains_it_and_audits_the_read(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        // 4 full months × 5 = 20 points beats a fresh PLUS_70 (20 points) on seniority; ALD (30) beats both.
        var ancienne = await app.AjouterDemandeAsync("ANCIEN", "Marc", new DateOnly(1980, 1, 1), CriteresPriorite.Aucun, maintenant.AddMonths(-4));
        var age = await app.AjouterDemandeAsync("AGEE", "Rose", new DateOnly(1940, 1, 1), CriteresPriorite.Plus70);
        var ald = await app.AjouterDemandeAsync("MALADE", "Eric", new DateOnly(1975, 1, 1), CriteresPriorite.Ald);
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        var html = await (await client.GetAsync("/medecin-traitant")).TexteAsync();

        var positions = new[] { ald, ancienne, age }.Select(d => html.IndexOf($"data-reference=\"{d.Reference}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("4 mois d'attente 20", html, StringComparison.Ordinal);
        Assert.Contains("Affection de longue durée (ALD) 30", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Ressource == "ListeMedecinTraitant" && e.Action == "Lecture")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Filters_by_criterion_and_name_return_an_htmx_fragment(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        await app.AjouterDemandeAsync("ÉTIÉVANT", "Zoé", new DateOnly(1980, 1, 1), CriteresPriorite.Grossesse);
        await app.AjouterDemandeAsync("ETIEVANT", "Paul", new DateOnly(1982, 1, 1), CriteresPriorite.Ald);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        using var requete = new HttpRequestMessage(HttpMethod.Get, "/medecin-traitant?q=etievant&critere=GROSSESSE");
        requete.Headers.Add("HX-Request", "true");

        var html = await (await client.SendAsync(requete)).TexteAsync();

        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Zoé", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Paul", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Withdrawing_writes_who_when_and_why_in_the_history(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var d = await app.AjouterDemandeAsync("VASSEUR", "Odile", new DateOnly(1944, 3, 3));
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var page = $"/medecin-traitant/demande/{d.Id}";

        var reponse = await client.PosterFormulaireAsync(page, new Dictionary<string, string> { ["motif"] = "A trouvé un médecin seule" }, page + "?handler=Retirer");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var h = await app.AvecDbAsync(db => db.HistoriqueDemandesMt.SingleAsync());
        Assert.Equal((StatutsDemandeMt.EnAttente, StatutsDemandeMt.Retiree, "A trouvé un médecin seule"), (h.AncienStatut, h.NouveauStatut, h.Commentaire));
        Assert.StartsWith("coordination", h.Par, StringComparison.Ordinal);
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, h.LeUtc);
        var fiche = await (await client.GetAsync(page)).TexteAsync();
        Assert.Contains("En attente → Retirée", fiche, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Saved_weights_change_the_order(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var ald = await app.AjouterDemandeAsync("MALADE", "Eric", new DateOnly(1975, 1, 1), CriteresPriorite.Ald);
        var enceinte = await app.AjouterDemandeAsync("MERE", "Ines", new DateOnly(1995, 1, 1), CriteresPriorite.Grossesse);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var champs = new Dictionary<string, string>
        {
            ["Poids.Ald"] = "10",
            ["Poids.Plus70"] = "20",
            ["Poids.Moins16"] = "15",
            ["Poids.Grossesse"] = "40",
            ["Poids.Handicap"] = "20",
            ["Poids.Precarite"] = "15",
            ["Poids.SortieHospitalisation"] = "25",
            ["Poids.TraitementChronique"] = "20",
            ["Poids.ParMoisAttente"] = "5",
        };

        var reponse = await client.PosterFormulaireAsync("/medecin-traitant/ponderation", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var html = await (await client.GetAsync("/medecin-traitant")).TexteAsync();
        Assert.True(html.IndexOf(enceinte.Reference, StringComparison.Ordinal) < html.IndexOf(ald.Reference, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientConnecteAsync(Roles.Regulation)).GetAsync("/medecin-traitant/ponderation")).StatusCode);
    }
}
