using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Demandes;

namespace OpenCpts.Tests.Features.Parcours.Demandes;

public class ApiDemandesPecTests
{
    private sealed record Scene(OpenCptsApp App, HttpClient Hopital, int Structure, int[] Infirmieres, int Kine);

    /// <summary>A CPTS, a hospital account, three member nurses in Bourges (with e-mails) and a member physiotherapist.</summary>
    private static async Task<Scene> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var structure = await app.AjouterStructureAsync("Centre hospitalier de test", "355");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id).AvecEmail("ide.a@example.invalid"),
            new ProfessionnelBuilder("INFB", "Berthe").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id).AvecEmail("ide.b@example.invalid"),
            new ProfessionnelBuilder("INFC", "Carole").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id),
            new ProfessionnelBuilder("KINE", "Denis").Profession("70").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var hopital = await app.ClientApiAsync(Roles.Etablissement, structureId: structure);
        return new Scene(app, hopital, structure, ids[..3], ids[3]);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Posting_a_request_returns_201_with_its_id_and_patient_and_tells_the_matching_members_by_email(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var reponse = await s.Hopital.PostAsJsonAsync("/api/parcours/demandes", DemandesDeTest.Corps());

        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal(3, json.GetProperty("destinataires").GetInt32());
        var demande = await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.Include(d => d.Patient).SingleAsync(d => d.Id == id));
        Assert.Equal((json.GetProperty("patientId").GetInt64(), "FICTIVE", s.Structure, StatutsDemandePec.Ouverte),
            (demande.PatientParcoursId, demande.Patient!.Nom, demande.StructureDemandeuseId, demande.Statut));
        var messages = await s.App.AvecDbAsync(db => db.MessagesSortants.OrderBy(m => m.Destinataire).ToListAsync());
        Assert.Equal(["ide.a@example.invalid", "ide.b@example.invalid"], messages.Select(m => m.Destinataire));
        // The e-mail says what is needed, not who the patient is.
        Assert.Contains("pansements, injections", messages[0].Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("FICTIVE", messages[0].Texte, StringComparison.Ordinal);
        // The hospital joins the patient's team.
        Assert.True(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == demande.PatientParcoursId && m.StructureId == s.Structure)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invalid_request_gets_400_naming_each_invalid_field(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var reponse = await s.Hopital.PostAsJsonAsync("/api/parcours/demandes", new
        {
            profession = "9999",
            actes = Array.Empty<string>(),
            communeInsee = "99999",
            debut = "25/11/2026",
            urgence = "Tres",
            patient = new { nom = "", prenom = "Odette", dateNaissance = "2030-01-01" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var erreurs = (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var champ in new[] { "profession", "actes", "communeInsee", "debut", "urgence", "patient.nom", "patient.dateNaissance" })
        {
            Assert.True(erreurs.TryGetProperty(champ, out var _), $"no error for {champ}: {erreurs}");
        }
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_first_acceptance_wins_the_second_gets_409_and_the_requester_learns_who_accepted(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var id = await s.Hopital.PosterAsync();
        var a = await s.App.ClientApiAsync(Roles.Professionnel, s.Infirmieres[0]);
        var b = await s.App.ClientApiAsync(Roles.Professionnel, s.Infirmieres[1]);

        var premiere = await a.PostAsync($"/api/parcours/demandes/{id}/acceptation", null);
        var seconde = await b.PostAsync($"/api/parcours/demandes/{id}/acceptation", null);

        Assert.Equal(HttpStatusCode.OK, premiere.StatusCode);
        var json = await premiere.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Acceptee", "Anne INFA"), (json.GetProperty("statut").GetString(), json.GetProperty("accepteePar").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, seconde.StatusCode);
        var vueDuDemandeur = await s.Hopital.GetFromJsonAsync<JsonElement>($"/api/parcours/demandes/{id}");
        Assert.Equal("Anne INFA", vueDuDemandeur.GetProperty("accepteePar").GetString());
        Assert.Contains("ide.a@example.invalid", vueDuDemandeur.GetProperty("contactAccepteur").GetString(), StringComparison.Ordinal);
        var patient = vueDuDemandeur.GetProperty("patientId").GetInt64();
        Assert.True(await s.App.AvecDbAsync(db => db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patient && m.ProfessionnelId == s.Infirmieres[0])));
        var aviso = await s.App.AvecDbAsync(db => db.MessagesSortants.Where(m => m.Sujet.Contains("acceptée")).SingleAsync());
        Assert.Contains("Anne INFA", aviso.Texte, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_of_another_profession_who_is_not_a_recipient_gets_404_on_acceptance(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var id = await s.Hopital.PosterAsync();
        var kine = await s.App.ClientApiAsync(Roles.Professionnel, s.Kine);

        var reponse = await kine.PostAsync($"/api/parcours/demandes/{id}/acceptation", null);

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Equal(StatutsDemandePec.Ouverte, await s.App.AvecDbAsync(db => db.DemandesPriseEnCharge.Select(d => d.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_recipient_sees_the_need_without_the_patient_identity_until_he_accepts(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var id = await s.Hopital.PosterAsync();
        var a = await s.App.ClientApiAsync(Roles.Professionnel, s.Infirmieres[0]);

        var avant = await a.GetFromJsonAsync<JsonElement>($"/api/parcours/demandes/{id}");
        await a.PostAsync($"/api/parcours/demandes/{id}/acceptation", null);
        var apres = await a.GetFromJsonAsync<JsonElement>($"/api/parcours/demandes/{id}");

        Assert.Equal(JsonValueKind.Null, avant.GetProperty("patient").ValueKind);
        Assert.Equal("FICTIVE", apres.GetProperty("patient").GetProperty("nom").GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_unrelated_to_the_request_gets_404_and_the_attempt_is_logged(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var id = await s.Hopital.PosterAsync();
        var kine = await s.App.ClientApiAsync(Roles.Professionnel, s.Kine);

        var reponse = await kine.GetAsync($"/api/parcours/demandes/{id}");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        var entree = await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Action == "Refus").SingleAsync());
        Assert.Equal(("DemandePriseEnCharge", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entree.Ressource, entree.RessourceId));
        Assert.NotNull(entree.PatientId);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_unknown_request_is_404(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var a = await s.App.ClientApiAsync(Roles.Professionnel, s.Infirmieres[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await s.Hopital.GetAsync("/api/parcours/demandes/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync("/api/parcours/demandes/4242/acceptation", null)).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Two_requests_for_the_same_person_share_one_pathway_patient(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        await s.Hopital.PosterAsync();
        await s.Hopital.PosterAsync(new
        {
            profession = "70",
            actes = new[] { "rééducation" },
            communeInsee = "18033",
            debut = "2026-11-26",
            patient = new { nom = "Fictive", prenom = "ODETTE", dateNaissance = "1941-03-12" },
        });

        Assert.Equal(1, await s.App.AvecDbAsync(db => db.PatientsParcours.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_email_to_members_links_to_the_request_when_the_public_address_is_known(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur,
            parametres: new Dictionary<string, string?> { ["OpenCpts:Parcours:UrlPublique"] = "https://cpts.example.invalid/" });
        var cpts = await app.CreerCptsAsync("18033");
        await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id).AvecEmail("ide.a@example.invalid"));

        var id = await (await app.ClientApiAsync(Roles.Coordination)).PosterAsync();

        var message = await app.AvecDbAsync(db => db.MessagesSortants.SingleAsync(m => m.Destinataire == "ide.a@example.invalid"));
        Assert.Contains($"https://cpts.example.invalid/parcours/demandes/{id}", message.Texte, StringComparison.Ordinal);
    }
}
