using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant.Demandes;

public class DoublonsMtTests
{
    private static Dictionary<string, string> Formulaire(string nom, string prenom) => new()
    {
        ["Nom"] = nom,
        ["Prenom"] = prenom,
        ["DateNaissance"] = "1951-09-30",
        ["Sexe"] = "M",
        ["Telephone"] = "06 39 98 00 44",
        ["Commune"] = "18033",
        ["Raison"] = RaisonsSansMedecin.JamaisEu,
        ["Consentement"] = "true",
    };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_same_name_and_birth_date_with_other_accents_and_case_stops_the_registration_and_stores_nothing(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var existante = await app.AjouterDemandeAsync("LEFÈVRE", "Jérôme", new DateOnly(1951, 9, 30));
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.PosterFormulaireAsync("/medecin-traitant/inscrire", Formulaire("Lefevre", "JEROME"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("Ce patient est peut-être déjà inscrit. Rien n'a été enregistré.", html, StringComparison.Ordinal);
        Assert.Contains($"/medecin-traitant/demande/{existante.Id}", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Registering_anyway_stores_the_request_and_flags_the_duplicate_in_its_history(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var existante = await app.AjouterDemandeAsync("Lefèvre", "Jérôme", new DateOnly(1951, 9, 30));
        var client = await app.ClientConnecteAsync(Roles.Regulation);
        var champs = Formulaire("LEFEVRE", "jérome");
        champs["MalgreDoublons"] = "true";

        var reponse = await client.PosterFormulaireAsync("/medecin-traitant/inscrire", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var nouvelle = await app.AvecDbAsync(db => db.DemandesMedecinTraitant.SingleAsync(d => d.Id != existante.Id));
        var historique = await app.AvecDbAsync(db => db.HistoriqueDemandesMt.SingleAsync(h => h.DemandeMedecinTraitantId == nouvelle.Id));
        Assert.Equal("Inscrite malgré un doublon possible : " + existante.Reference, historique.Commentaire);
        Assert.StartsWith("regulation", historique.Par, StringComparison.Ordinal);
        var liste = await client.GetAsync("/medecin-traitant");
        Assert.Contains("Doublon possible", await liste.TexteAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_same_INS_under_another_name_is_a_possible_duplicate(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var existante = await app.AjouterDemandeAsync("MARTIN", "Claire", new DateOnly(1980, 1, 2), ins: "280017512345678");

        var doublons = await app.AvecServicesAsync(sp => sp.GetRequiredService<DetecterDoublons>()
            .ExecuteAsync(existante.CptsId, DemandeMtValide.NormaliserNom("DUPONT", "Claire"), new DateOnly(1980, 2, 1), "280017512345678"));

        var d = Assert.Single(doublons);
        Assert.Equal(existante.Id, d.Id);
        Assert.True(d.MemeIns);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Closed_requests_and_other_birth_dates_are_not_duplicates(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var retiree = await app.AjouterDemandeAsync("MARTIN", "Claire", new DateOnly(1980, 1, 2), statut: StatutsDemandeMt.Retiree);
        await app.AjouterDemandeAsync("MARTIN", "Claire", new DateOnly(1980, 1, 3));

        var doublons = await app.AvecServicesAsync(sp => sp.GetRequiredService<DetecterDoublons>()
            .ExecuteAsync(retiree.CptsId, DemandeMtValide.NormaliserNom("Martin", "Claire"), new DateOnly(1980, 1, 2), null));

        Assert.Empty(doublons);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Merging_keeps_the_oldest_registration_unions_the_criteria_and_writes_both_histories(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var maintenant = app.Horloge.GetUtcNow().UtcDateTime;
        var ancienne = await app.AjouterDemandeAsync("ROUSSEL", "Anaïs", new DateOnly(1990, 6, 6), CriteresPriorite.Grossesse, maintenant.AddMonths(-7));
        var recente = await app.AjouterDemandeAsync("Roussel", "Anais", new DateOnly(1990, 6, 6), CriteresPriorite.Precarite, maintenant.AddDays(-3));
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var page = $"/medecin-traitant/demande/{recente.Id}";
        Assert.Contains($"/medecin-traitant/demande/{ancienne.Id}", await (await client.GetAsync(page)).TexteAsync(), StringComparison.Ordinal);

        var reponse = await client.PosterFormulaireAsync(page, new Dictionary<string, string> { ["doublonId"] = ancienne.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            page + "?handler=Fusionner");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var (gardee, fusionnee) = await app.AvecDbAsync(async db => (
            await db.DemandesMedecinTraitant.SingleAsync(d => d.Id == recente.Id),
            await db.DemandesMedecinTraitant.SingleAsync(d => d.Id == ancienne.Id)));
        Assert.Equal(ancienne.InscritLeUtc, gardee.InscritLeUtc);
        Assert.Equal(CriteresPriorite.Grossesse | CriteresPriorite.Precarite, gardee.Criteres);
        Assert.Equal(StatutsDemandeMt.EnAttente, gardee.Statut);
        Assert.Equal(StatutsDemandeMt.Fusionnee, fusionnee.Statut);
        Assert.Equal(recente.Id, fusionnee.FusionneeDansId);
        var historique = await app.AvecDbAsync(db => db.HistoriqueDemandesMt.OrderBy(h => h.DemandeMedecinTraitantId).ToListAsync());
        Assert.Contains(historique, h => h.DemandeMedecinTraitantId == ancienne.Id && h.AncienStatut == StatutsDemandeMt.EnAttente
            && h.NouveauStatut == StatutsDemandeMt.Fusionnee && h.Commentaire == "Fusionnée dans " + recente.Reference && h.Par!.StartsWith("coordination", StringComparison.Ordinal));
        Assert.Contains(historique, h => h.DemandeMedecinTraitantId == recente.Id && h.Commentaire == "Doublon " + ancienne.Reference + " fusionné ici");
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_request_already_merged_cannot_be_merged_again(Fournisseur fournisseur)
    {
        await using var app = await ListeAttenteMt.DemarrerAsync(fournisseur);
        var a = await app.AjouterDemandeAsync("ROUSSEL", "Anaïs", new DateOnly(1990, 6, 6));
        var b = await app.AjouterDemandeAsync("ROUSSEL", "Anaïs", new DateOnly(1990, 6, 6));
        var c = await app.AjouterDemandeAsync("ROUSSEL", "Anaïs", new DateOnly(1990, 6, 6));

        var premiere = await app.AvecServicesAsync(sp => sp.GetRequiredService<FusionnerDemandesMt>().ExecuteAsync(a.Id, c.Id, "x"));
        var seconde = await app.AvecServicesAsync(sp => sp.GetRequiredService<FusionnerDemandesMt>().ExecuteAsync(b.Id, c.Id, "y"));

        Assert.Equal(ResultatFusionMt.Fusionnee, premiere);
        Assert.Equal(ResultatFusionMt.Impossible, seconde);
        Assert.Equal(a.Id, await app.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Id == c.Id).Select(d => d.FusionneeDansId).SingleAsync()));
    }
}
