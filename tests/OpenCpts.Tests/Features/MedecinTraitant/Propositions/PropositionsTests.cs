using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Medecins;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;

namespace OpenCpts.Tests.Features.MedecinTraitant.Propositions;

/// <summary>Proposals through HTTP: run, review, send, GP answers, follow-up; API shapes and authorization.</summary>
public class PropositionsTests
{
    private sealed record Contexte(OpenCptsApp App, int CptsId, int MedecinA, string RppsA, int MedecinB, string RppsB) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Contexte> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var a = new ProfessionnelBuilder("BERNARD", "Luc").Docteur().ExerceA("18033", "Bourges", "0248001122");
        var b = new ProfessionnelBuilder("MOREAU", "Anne").Docteur().ExerceA("18205", "Saint-Doulchard");
        var ids = await app.AjouterAsync(a, b);
        return new(app, cpts.Id, ids[0], a.Rpps, ids[1], b.Rpps);
    }

    private static async Task<long> EnvoyerPropositionAsync(OpenCptsApp app)
    {
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await coordination.PosterFormulaireAsync("/medecin-traitant/propositions", new Dictionary<string, string>(), "/medecin-traitant/propositions?handler=Lancer");
        var id = await app.AvecDbAsync(db => db.PropositionsAppariement.Where(p => p.Statut == StatutsProposition.Brouillon).Select(p => p.Id).SingleAsync());
        var envoi = await coordination.PosterFormulaireAsync("/medecin-traitant/propositions", new Dictionary<string, string>(), $"/medecin-traitant/propositions?handler=Envoyer&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        return id;
    }

    private static Task<AffectationMt> AffectationAsync(OpenCptsApp app, long demandeId) =>
        app.AvecDbAsync(db => db.AffectationsMt.AsNoTracking().SingleAsync(a => a.DemandeMedecinTraitantId == demandeId && a.Statut != StatutsAffectation.Retiree));

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_capacity_API_gives_each_GP_his_rpps_remaining_capacity_and_restrictions(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 3, communes: "18033", ageMin: 16, exiges: CriteresPriorite.Ald);
        await c.App.DeclarerCapaciteAsync(c.MedecinB, 2, enPause: true);
        var client = await c.App.ClientApiAsync(Roles.Coordination);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/medecin-traitant/capacites");

        var a = json.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("rpps").GetString() == c.RppsA);
        Assert.Equal(3, a.GetProperty("capacite").GetInt32());
        Assert.Equal(["18033"], a.GetProperty("restrictions").GetProperty("communes").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(16, a.GetProperty("restrictions").GetProperty("ageMin").GetInt32());
        Assert.Equal(["ALD"], a.GetProperty("restrictions").GetProperty("criteres").EnumerateArray().Select(x => x.GetString()));
        var b = json.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("rpps").GetString() == c.RppsB);
        Assert.Equal(0, b.GetProperty("capacite").GetInt32());
        Assert.True(b.GetProperty("enPause").GetBoolean());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Running_a_matching_through_the_API_returns_the_draft_with_its_assignments(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1);
        await c.App.DeclarerCapaciteAsync(c.MedecinB, 1, enPause: true);
        var prioritaire = await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA", criteres: CriteresPriorite.Ald);
        await c.App.AjouterDemandeAsync(c.CptsId, "BRAVO");
        var client = await c.App.ClientApiAsync(Roles.Coordination);

        var reponse = await client.PostAsync("/api/medecin-traitant/propositions", null);

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        var affectation = Assert.Single(json.GetProperty("affectations").EnumerateArray());
        Assert.Equal(prioritaire, affectation.GetProperty("demandeId").GetInt64());
        Assert.Equal(c.RppsA, affectation.GetProperty("rpps").GetString());
        Assert.Equal(1, json.GetProperty("nonAffectees").GetInt32());
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal(StatutsProposition.Brouillon, await c.App.AvecDbAsync(db => db.PropositionsAppariement.Where(p => p.Id == id).Select(p => p.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_Coordination_runs_a_matching(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        var regulation = await c.App.ClientApiAsync(Roles.Regulation);
        var professionnel = await c.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = c.MedecinA);

        Assert.Equal(HttpStatusCode.Forbidden, (await regulation.PostAsync("/api/medecin-traitant/propositions", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.GetAsync("/medecin-traitant/propositions")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Sending_a_draft_proposes_each_request_to_its_GP_with_a_history_row(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 2);
        var demande = await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA");

        await EnvoyerPropositionAsync(c.App);

        Assert.Equal(StatutsDemandeMt.Proposee, await c.App.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Id == demande).Select(d => d.Statut).SingleAsync()));
        Assert.Equal(StatutsAffectation.EnAttenteReponse, (await AffectationAsync(c.App, demande)).Statut);
        var historique = await c.App.AvecDbAsync(db => db.HistoriqueDemandesMt.SingleAsync(h => h.DemandeMedecinTraitantId == demande));
        Assert.Equal(StatutsDemandeMt.Proposee, historique.NouveauStatut);
        Assert.NotNull(historique.Par);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_GP_sees_only_the_patients_proposed_to_him(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1, communes: "18033");
        await c.App.DeclarerCapaciteAsync(c.MedecinB, 1, communes: "18205");
        await c.App.AjouterDemandeAsync(c.CptsId, "POURA", codeCommune: "18033");
        await c.App.AjouterDemandeAsync(c.CptsId, "POURB", codeCommune: "18205");
        await EnvoyerPropositionAsync(c.App);
        var medecinA = await c.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = c.MedecinA);
        var autre = await c.App.ClientConnecteAsync(Roles.Professionnel);

        var pageA = await medecinA.PageAsync("/medecin-traitant/mes-patients");
        var pageAutre = await autre.PageAsync("/medecin-traitant/mes-patients");

        Assert.Contains("POURA", pageA);
        Assert.DoesNotContain("POURB", pageA);
        Assert.DoesNotContain("POURA", pageAutre);
        Assert.DoesNotContain("POURB", pageAutre);
        Assert.True(await c.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Ressource == "AffectationMt" && e.RessourceId == "professionnel:" + c.MedecinA)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_GP_cannot_answer_a_patient_proposed_to_another_GP(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1, communes: "18033");
        await c.App.DeclarerCapaciteAsync(c.MedecinB, 1, communes: "18205");
        var pourA = await c.App.AjouterDemandeAsync(c.CptsId, "POURA", codeCommune: "18033");
        await c.App.AjouterDemandeAsync(c.CptsId, "POURB", codeCommune: "18205");
        await EnvoyerPropositionAsync(c.App);
        var medecinB = await c.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = c.MedecinB);
        var ligneA = await AffectationAsync(c.App, pourA);

        var reponse = await medecinB.PosterFormulaireAsync("/medecin-traitant/mes-patients",
            new Dictionary<string, string> { ["affectationId"] = ligneA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/medecin-traitant/mes-patients?handler=Accepter");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Equal(StatutsAffectation.EnAttenteReponse, (await AffectationAsync(c.App, pourA)).Statut);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_refusal_puts_the_patient_back_on_the_list_with_his_seniority(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1);
        var inscrit = new DateTime(2026, 6, 2, 10, 0, 0, DateTimeKind.Utc);
        var demande = await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA", inscritLeUtc: inscrit);
        await EnvoyerPropositionAsync(c.App);
        var medecinA = await c.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = c.MedecinA);
        var ligne = await AffectationAsync(c.App, demande);

        var reponse = await medecinA.PosterFormulaireAsync("/medecin-traitant/mes-patients", new Dictionary<string, string>
        {
            ["affectationId"] = ligne.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["motif"] = "Patientèle complète",
        }, "/medecin-traitant/mes-patients?handler=Refuser");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var apres = await c.App.AvecDbAsync(db => db.DemandesMedecinTraitant.AsNoTracking().SingleAsync(d => d.Id == demande));
        Assert.Equal(StatutsDemandeMt.EnAttente, apres.Statut);
        Assert.Equal(inscrit, apres.InscritLeUtc);
        var refusee = await c.App.AvecDbAsync(db => db.AffectationsMt.AsNoTracking().SingleAsync(a => a.Id == ligne.Id));
        Assert.Equal(StatutsAffectation.Refusee, refusee.Statut);
        Assert.Equal("Patientèle complète", refusee.MotifRefus);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Accepting_sends_the_patient_a_message_naming_the_GP(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1);
        var demande = await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA", telephone: "0639985566");
        await EnvoyerPropositionAsync(c.App);
        var medecinA = await c.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = c.MedecinA);
        var ligne = await AffectationAsync(c.App, demande);

        await medecinA.PosterFormulaireAsync("/medecin-traitant/mes-patients",
            new Dictionary<string, string> { ["affectationId"] = ligne.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/medecin-traitant/mes-patients?handler=Accepter");

        Assert.Equal(StatutsDemandeMt.Acceptee, await c.App.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Id == demande).Select(d => d.Statut).SingleAsync()));
        var sms = await c.App.AvecDbAsync(db => db.MessagesSortants.SingleAsync(m => m.Destinataire == "0639985566"));
        Assert.Contains("Dr Luc BERNARD", sms.Texte);
        Assert.Contains("médecin traitant", sms.Texte);
        Assert.DoesNotContain("ALPHA", sms.Texte);
        Assert.DoesNotContain("Camille", sms.Texte);
        Assert.Contains("06 39 98 55 66", await medecinA.PageAsync("/medecin-traitant/mes-patients"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Confirming_the_declaration_places_the_patient_with_his_GP(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1);
        var demande = await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA");
        await EnvoyerPropositionAsync(c.App);
        var ligne = await AffectationAsync(c.App, demande);
        await c.App.AvecServicesAsync(sp => sp.GetRequiredService<RepondreAffectation>().ExecuteAsync(ligne.Id, c.MedecinA, true, null, "test"));
        var coordination = await c.App.ClientConnecteAsync(Roles.Coordination);

        var reponse = await coordination.PosterFormulaireAsync("/medecin-traitant/propositions",
            new Dictionary<string, string> { ["demandeId"] = demande.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/medecin-traitant/propositions?handler=Confirmer");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var placee = await c.App.AvecDbAsync(db => db.DemandesMedecinTraitant.AsNoTracking().SingleAsync(d => d.Id == demande));
        Assert.Equal(StatutsDemandeMt.Placee, placee.Statut);
        Assert.Equal(c.MedecinA, placee.MedecinProfessionnelId);
        Assert.Equal(c.App.Horloge.GetUtcNow().UtcDateTime, placee.PlaceeLeUtc);
        Assert.True(await c.App.AvecDbAsync(db => db.HistoriqueDemandesMt.AnyAsync(h => h.DemandeMedecinTraitantId == demande && h.NouveauStatut == StatutsDemandeMt.Placee)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_draft_line_can_only_be_given_to_a_GP_who_takes_the_patient(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 1);
        await c.App.DeclarerCapaciteAsync(c.MedecinB, 1, exiges: CriteresPriorite.Ald);
        var demande = await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA");
        var proposition = await c.App.AvecServicesAsync(sp => sp.GetRequiredService<LancerAppariement>().ExecuteAsync("test"));
        var ligne = await AffectationAsync(c.App, demande);

        var refus = await c.App.AvecServicesAsync(sp => sp.GetRequiredService<ModifierBrouillon>().ReaffecterAsync(ligne.Id, c.MedecinB));
        await c.App.AvecDbAsync(db => db.CapacitesMedecin.Where(x => x.ProfessionnelId == c.MedecinB)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CriteresExiges, CriteresPriorite.Aucun)));
        var accord = await c.App.AvecServicesAsync(sp => sp.GetRequiredService<ModifierBrouillon>().ReaffecterAsync(ligne.Id, c.MedecinB));

        Assert.Equal(ResultatModificationBrouillon.MedecinNonEligible, refus);
        Assert.Equal(ResultatModificationBrouillon.Modifiee, accord);
        Assert.Equal(c.MedecinB, (await AffectationAsync(c.App, demande)).ProfessionnelId);
        Assert.Equal(StatutsProposition.Brouillon, await c.App.AvecDbAsync(db => db.PropositionsAppariement.Where(p => p.Id == proposition.Id).Select(p => p.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Pending_and_accepted_patients_of_the_month_use_up_the_capacity(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinA, 2);
        await c.App.AjouterDemandeAsync(c.CptsId, "ALPHA");
        await c.App.AjouterDemandeAsync(c.CptsId, "BRAVO");
        await EnvoyerPropositionAsync(c.App);
        var troisieme = await c.App.AjouterDemandeAsync(c.CptsId, "CHARLIE");

        var proposition = await c.App.AvecServicesAsync(sp => sp.GetRequiredService<LancerAppariement>().ExecuteAsync("test"));

        Assert.Empty(proposition.Affectations);
        Assert.Equal(1, proposition.NonAffectees);
        Assert.Equal(StatutsDemandeMt.EnAttente, await c.App.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(d => d.Id == troisieme).Select(d => d.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_GP_saves_his_own_capacity_but_not_another_ones(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        var medecinA = await c.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = c.MedecinA);

        var reponse = await medecinA.PosterFormulaireAsync("/medecin-traitant/capacites", new Dictionary<string, string>
        {
            ["NouveauxPatientsParMois"] = "4",
            ["Communes"] = "18205",
            ["AgeMax"] = "75",
            ["CriteresExiges"] = "ALD",
            ["EnPause"] = "false",
        });
        var autre = await medecinA.GetAsync($"/medecin-traitant/capacites?rpps={c.RppsB}");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var capacite = await c.App.AvecDbAsync(db => db.CapacitesMedecin.AsNoTracking().SingleAsync(x => x.ProfessionnelId == c.MedecinA));
        Assert.Equal(4, capacite.NouveauxPatientsParMois);
        Assert.Equal("18205", capacite.CommunesAcceptees);
        Assert.Equal(75, capacite.AgeMax);
        Assert.Equal(CriteresPriorite.Ald, capacite.CriteresExiges);
        Assert.Equal(HttpStatusCode.Forbidden, autre.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_Coordination_pauses_a_GP_capacity(Fournisseur fournisseur)
    {
        await using var c = await DemarrerAsync(fournisseur);
        await c.App.DeclarerCapaciteAsync(c.MedecinB, 5);
        var coordination = await c.App.ClientConnecteAsync(Roles.Coordination);

        var reponse = await coordination.PosterFormulaireAsync($"/medecin-traitant/capacites?rpps={c.RppsB}", new Dictionary<string, string>
        {
            ["NouveauxPatientsParMois"] = "5",
            ["EnPause"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.True(await c.App.AvecDbAsync(db => db.CapacitesMedecin.Where(x => x.ProfessionnelId == c.MedecinB).Select(x => x.EnPause).SingleAsync()));
        Assert.Contains("En pause", await coordination.PageAsync($"/medecin-traitant/capacites?rpps={c.RppsB}"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_capacity_and_proposal_endpoints_are_documented_in_openapi(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var json = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var chemins = json.GetProperty("paths");
        Assert.True(chemins.TryGetProperty("/api/medecin-traitant/capacites", out var capacites));
        Assert.True(chemins.TryGetProperty("/api/medecin-traitant/propositions", out var propositions));
        Assert.Equal("Médecin traitant", capacites.GetProperty("get").GetProperty("tags")[0].GetString());
        Assert.True(propositions.TryGetProperty("post", out _));
    }
}
