using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Demandes;

namespace OpenCpts.Tests.Features.Parcours.Demandes;

public class PagesDemandesTests
{
    private static Dictionary<string, string> Formulaire(string nom = "FICTIVE", string debut = "2026-11-25") => new()
    {
        ["Nom"] = nom,
        ["Prenom"] = "Odette",
        ["DateNaissance"] = "1941-03-12",
        ["Commune"] = "18033",
        ["Profession"] = "60",
        ["Actes"] = "pansements, injections",
        ["Lieu"] = LieuxSoins.Domicile,
        ["Debut"] = debut,
        ["Frequence"] = "tous les 2 jours",
        ["Duree"] = "3 semaines",
        ["Urgence"] = UrgencesDemandePec.Rapide,
        ["Description"] = "Retour à domicile.",
    };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_request_posted_from_the_form_is_accepted_by_a_member_from_its_page(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var infirmiere = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);

        var poste = await coordination.PosterFormulaireAsync("/parcours/demandes/nouvelle", Formulaire());
        Assert.Equal(HttpStatusCode.Redirect, poste.StatusCode);
        var url = poste.Headers.Location!.OriginalString;
        var avant = await infirmiere.PageAsync(url);
        var accepte = await infirmiere.PosterFormulaireAsync(url, new Dictionary<string, string>(), url + "?handler=Accepter");
        var apres = await infirmiere.PageAsync(url);

        Assert.Contains("J'accepte cette prise en charge", avant, StringComparison.Ordinal);
        Assert.DoesNotContain("FICTIVE", avant, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepte.StatusCode);
        Assert.Contains("FICTIVE Odette", apres, StringComparison.Ordinal);
        Assert.Contains("Anne INFA", await coordination.PageAsync(url), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_form_with_errors_names_the_fields_keeps_what_was_typed_and_records_nothing(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var champs = Formulaire(nom: "", debut: "2026-11-01");

        var reponse = await coordination.PosterFormulaireAsync("/parcours/demandes/nouvelle", champs);
        var html = System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Le nom est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("La date de début ne peut pas être passée.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"pansements, injections\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesPriseEnCharge.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_on_leave_declared_on_his_page_no_longer_receives_requests(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var infirmiere = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);

        var conge = await infirmiere.PosterFormulaireAsync("/parcours/demandes", new Dictionary<string, string> { ["jusquAu"] = "2026-11-30" }, "/parcours/demandes?handler=Conge");
        var id = await (await app.ClientApiAsync(Roles.Coordination)).PosterAsync();

        Assert.Equal(HttpStatusCode.Redirect, conge.StatusCode);
        Assert.Contains("en congé jusqu'au <strong>30/11/2026</strong>", await infirmiere.PageAsync("/parcours/demandes"), StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DestinatairesDemande.CountAsync(d => d.DemandePriseEnChargeId == id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_follow_up_shows_time_to_acceptance_and_where_requests_found_nobody_without_identities(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var coordination = await app.ClientApiAsync(Roles.Coordination);
        var acceptee = await coordination.PosterAsync();
        await coordination.PosterAsync(DemandesDeTest.Corps(communeInsee: "18205", profession: "70", actes: ["rééducation"]));
        app.Horloge.Advance(TimeSpan.FromHours(3));
        await (await app.ClientApiAsync(Roles.Professionnel, ids[0])).PostAsync($"/api/parcours/demandes/{acceptee}/acceptation", null);
        app.Horloge.Advance(TimeSpan.FromDays(2));
        var bureau = await app.ClientConnecteAsync(Roles.Bureau);

        var page = await bureau.PageAsync("/parcours/demandes/suivi");

        Assert.Contains("3,0 h", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>Saint-Doulchard</td><td>Masseur[^<]*</td><td class=""text-end"">1</td>", page);
        Assert.DoesNotContain("FICTIVE", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"heures\"", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_sets_the_escalation_delay_within_bounds(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var refuse = await coordination.PosterFormulaireAsync("/parcours/demandes/suivi", new Dictionary<string, string> { ["heures"] = "0" }, "/parcours/demandes/suivi?handler=Delai");
        var accepte = await coordination.PosterFormulaireAsync("/parcours/demandes/suivi", new Dictionary<string, string> { ["heures"] = "12" }, "/parcours/demandes/suivi?handler=Delai");

        Assert.Contains("Le délai est compris entre 1 heure", System.Net.WebUtility.HtmlDecode(await refuse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepte.StatusCode);
        Assert.Equal(12, await app.AvecServicesAsync(sp => sp.GetRequiredService<ParametrerParcours>().DelaiEscaladeAsync(cpts.Id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_sees_a_menu_badge_for_requests_he_has_not_opened_yet(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var infirmiere = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);
        var id = await (await app.ClientApiAsync(Roles.Coordination)).PosterAsync();

        var avant = await infirmiere.PageAsync("/");
        await infirmiere.PageAsync($"/parcours/demandes/{id}");
        var apres = await infirmiere.PageAsync("/");

        var nav = avant[avant.IndexOf("navbar", StringComparison.Ordinal)..avant.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.True(nav.Contains("id=\"badge-demandes\">1<", StringComparison.Ordinal), nav);
        Assert.DoesNotContain("badge-demandes", apres, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Listing_requests_that_name_a_patient_logs_a_read_of_that_patient(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var api = await app.ClientApiAsync(Roles.Regulation);
        var id = await api.PosterAsync();
        var patient = await app.AvecDbAsync(db => db.DemandesPriseEnCharge.Where(d => d.Id == id).Select(d => d.PatientParcoursId).SingleAsync());
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var page = await coordination.PageAsync("/parcours/demandes");

        Assert.Contains("FICTIVE Odette", page, StringComparison.Ordinal);
        var entree = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync(e => e.PatientId == patient && e.Ressource == "PatientParcours" && e.Action == "Lecture"));
        Assert.Equal(("Lecture", "Liste des demandes de prise en charge"), (entree.Action, entree.Detail));
        Assert.StartsWith("coordination", entree.Utilisateur, StringComparison.Ordinal);
    }
}
