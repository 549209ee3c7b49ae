using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.SoinsNonProgrammes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>
/// The audit journal: what each entry records about the caller, that it is written in its own unit of work,
/// that every refusal leaves one entry, and that the database itself keeps it append-only.
/// </summary>
public class JournalAuditTests
{
    private const string Adresse = "203.0.113.7";
    private const string Navigateur = "Navigateur-de-test/1.0";

    // A shared host honours the AdresseClient header as AdresseClient.Activer does.
    private static Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur) => OpenCptsApp.DemarrerAsync(fournisseur);

    private static Task<List<EntreeAudit>> EntreesAsync(OpenCptsApp app, string action) =>
        app.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_refused_page_is_journaled_once_with_roles_address_browser_and_sign_in_method(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Professionnel);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Navigateur);
        client.DefaultRequestHeaders.Add(AdresseClient.Entete, Adresse);

        var reponse = await client.GetAsync("/administration/audit");

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        var refus = Assert.Single(await EntreesAsync(app, "Refus"));
        Assert.Equal(("Page", "/administration/audit", Roles.Professionnel), (refus.Ressource, refus.RessourceId, refus.Roles));
        Assert.StartsWith("professionnel", refus.Utilisateur, StringComparison.Ordinal);
        Assert.NotNull(refus.UtilisateurId);
        Assert.Equal((Adresse, Navigateur, MethodesAuthentification.MotDePasse), (refus.AdresseIp, refus.AgentUtilisateur, refus.MethodeAuthentification));
        Assert.Equal("GET /administration/audit → 403", refus.Detail);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_refused_api_call_is_journaled_with_the_token_that_made_it(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        var client = await app.ClientApiAsync(Roles.Professionnel);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit?patientId=1")).StatusCode);

        var refus = Assert.Single(await EntreesAsync(app, "Refus"));
        Assert.Equal(("Api", Roles.Professionnel), (refus.Ressource, refus.Roles));
        Assert.Matches("^" + MethodesAuthentification.JetonApi + ":[0-9]+$", refus.MethodeAuthentification);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_api_token_is_journaled_as_an_anonymous_refusal(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "faux-jeton");
        client.DefaultRequestHeaders.Add(AdresseClient.Entete, Adresse);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/moi")).StatusCode);

        var refus = Assert.Single(await EntreesAsync(app, "Refus"));
        Assert.Equal(("(anonyme)", MethodesAuthentification.Anonyme, Adresse), (refus.Utilisateur, refus.MethodeAuthentification, refus.AdresseIp));
        Assert.Null(refus.UtilisateurId);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_anonymous_visitor_sent_to_the_sign_in_page_is_not_a_refusal(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);

        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/administration/audit")).StatusCode);

        Assert.Empty(await EntreesAsync(app, "Refus"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_journal_does_not_save_the_pending_changes_of_the_request(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);

        await app.AvecServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpenCptsDb>();
            db.Structures.Add(new Structure { Finess = "180000999", Nom = "Structure jamais validée", NomRecherche = "structure jamais validee", CodeCategorie = "124" });
            await sp.GetRequiredService<JournalAudit>().LectureAsync("ReservationSnp", "1");
            return 0;
        });

        Assert.Equal(1, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync()));
        Assert.False(await app.AvecDbAsync(db => db.Structures.AnyAsync(s => s.Finess == "180000999")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_journal_refuses_to_be_written_inside_an_open_transaction(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);

        var erreur = await app.AvecServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpenCptsDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            return await Record.ExceptionAsync(() => sp.GetRequiredService<JournalAudit>().LectureAsync("ReservationSnp", "1"));
        });

        Assert.IsType<InvalidOperationException>(erreur);
        Assert.Equal(0, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        await app.AvecServicesAsync(async sp => { await sp.GetRequiredService<JournalAudit>().LectureAsync("ReservationSnp", "42"); return 0; });

        var modification = await Record.ExceptionAsync(() => app.AvecDbAsync(db =>
            db.EntreesAudit.ExecuteUpdateAsync(s => s.SetProperty(e => e.Utilisateur, "quelqu'un d'autre"))));
        var suppression = await Record.ExceptionAsync(() => app.AvecDbAsync(db => db.EntreesAudit.ExecuteDeleteAsync()));

        Assert.Contains(JournalAuditImmuable.Message, modification?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains(JournalAuditImmuable.Message, suppression?.ToString() ?? "", StringComparison.Ordinal);
        var entree = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync());
        Assert.Equal(("(système)", "42"), (entree.Utilisateur, entree.RessourceId));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Bookings_made_and_cancelled_are_journaled_without_patient_data(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges")))[0];
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];
        var client = await app.ClientApiAsync(Roles.Regulation);

        var reponse = await client.PostAsJsonAsync("/api/snp/reservations", new
        {
            slotId = creneau.ToString(System.Globalization.CultureInfo.InvariantCulture),
            patient = new { nom = "ZORGLUB", prenom = "Alice", dateNaissance = "1980-05-17", telephone = "06 12 34 56 78", communeInsee = "18033" },
        });
        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        var id = reponse.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/snp/reservations/{id}")).StatusCode);

        var entrees = await app.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "ReservationSnp" && e.RessourceId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Creation", "Modification"], entrees.Select(e => e.Action));
        Assert.Equal("Réservation (API)", entrees[0].Detail);
        Assert.Equal("Annulée", entrees[1].Detail);
        Assert.All(entrees, e => Assert.DoesNotContain("ZORGLUB", e.Detail ?? "", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Reading_the_regulation_desk_and_the_outbox_is_journaled(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/snp/regulation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/snp/boite-envoi")).StatusCode);

        var lectures = await EntreesAsync(app, "Lecture");
        Assert.Equal(["ListeDemandesSnp", "BoiteEnvoi"], lectures.Select(e => e.Ressource));
        Assert.All(lectures, e => Assert.Equal(Roles.Regulation, e.Roles));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_gets_the_same_refusal_for_someone_elses_booking_and_an_unknown_one(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges")))[0];
        var reservation = await app.ReserverAsync((await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0], nom: "ZORGLUB");
        var page = await app.ClientConnecteAsync(Roles.Professionnel);
        var api = await app.ClientApiAsync(Roles.Professionnel);

        foreach (var (client, url) in new[] { (page, "/snp/reservations/"), (api, "/api/snp/reservations/") })
        {
            var existante = await client.GetAsync(url + reservation);
            var inconnue = await client.GetAsync(url + 987654);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (existante.StatusCode, inconnue.StatusCode));
            Assert.DoesNotContain("ZORGLUB", await existante.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(ReponseComparable.Normaliser((await inconnue.Content.ReadAsStringAsync()).Replace(url + "987654", "CHEMIN", StringComparison.Ordinal)),
                ReponseComparable.Normaliser((await existante.Content.ReadAsStringAsync()).Replace(url + reservation.ToString(System.Globalization.CultureInfo.InvariantCulture), "CHEMIN", StringComparison.Ordinal)));
        }
        Assert.Equal(4, (await EntreesAsync(app, "Refus")).Count);
    }
}
