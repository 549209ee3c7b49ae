using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Patients;

namespace OpenCpts.Tests.Features.Parcours.Sorties;

/// <summary>
/// A CPTS with two hospitals of the directory (with FINESS), a nurse and a GP, for the discharge plan and care-team
/// tests. The clock is the harness's: Monday 2026-11-23, 10:00 in Paris.
/// </summary>
public sealed record SceneParcours(OpenCptsApp App, int CptsId, int Hopital, int AutreHopital, int Infirmiere, int Medecin, int HorsEquipe)
{
    public const string FinessHopital = "180000019";
    public const string FinessAutre = "180000027";

    public static async Task<SceneParcours> DemarrerAsync(Fournisseur fournisseur, Action<IServiceCollection>? services = null)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur, services);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        await app.AvecDbAsync(db => db.Cpts.Where(c => c.Id == cpts.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, "contact@cpts-test.invalid")));
        var hopital = await app.AjouterStructureAsync("Centre hospitalier de Bourges-Test", "355", FinessHopital);
        var autre = await app.AjouterStructureAsync("Clinique des Tilleuls", "365", FinessAutre);
        var pros = await app.AjouterAsync(
            new ProfessionnelBuilder("SOIGNANTE", "Inès").Femme().Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id),
            new ProfessionnelBuilder("GENERALISTE", "Marc").Docteur().ExerceA("18205", "Saint-Doulchard").MembreDe(cpts.Id),
            new ProfessionnelBuilder("ETRANGER", "Luc").Docteur().ExerceA("18033", "Bourges"));
        return new SceneParcours(app, cpts.Id, hopital, autre, pros[0], pros[1], pros[2]);
    }

    public Task<HttpClient> HopitalAsync() => App.ClientConnecteAsync(Roles.Etablissement, u => u.StructureId = Hopital);

    public Task<HttpClient> AutreHopitalAsync() => App.ClientConnecteAsync(Roles.Etablissement, u => u.StructureId = AutreHopital);

    public Task<HttpClient> ProAsync(int professionnelId) => App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = professionnelId);

    /// <summary>A client with the Bearer token of a new user of the role, customised (structure, professional).</summary>
    public async Task<HttpClient> ClientApiAsync(string role, Action<Utilisateur>? personnaliser = null)
    {
        var u = await App.CreerUtilisateurAsync(role, personnaliser);
        var jeton = await App.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(u.Id, "tests"));
        var client = App.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.Valeur);
        return client;
    }

    /// <summary>A plan body for the API: patient FICTIF Jeanne, born 1941-05-12, in Bourges.</summary>
    public static object CorpsPlan(string dateSortie, string? finess = FinessHopital, int? structureId = null, string nom = "FICTIF", string prenom = "Jeanne") => new
    {
        patient = new { nom, prenom, dateNaissance = "1941-05-12", communeInsee = "18033" },
        dateSortiePrevue = dateSortie,
        finessStructure = finess,
        structureId,
        service = "Cardiologie",
        contact = new { nom = "Cadre de santé", email = "cadre.cardio@hopital-test.invalid", telephone = "02 48 00 00 01" },
    };

    /// <summary>Opens a plan through the API as the Coordination; returns its id and the patient's.</summary>
    public async Task<(long Plan, long Patient)> OuvrirPlanAsync(string dateSortie, string nom = "FICTIF", string prenom = "Jeanne")
    {
        var coordination = await ClientApiAsync(Roles.Coordination);
        var reponse = await coordination.PostAsJsonAsync("/api/parcours/sorties", CorpsPlan(dateSortie, nom: nom, prenom: prenom));
        if (reponse.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Plan not opened: {(int)reponse.StatusCode} {await reponse.Content.ReadAsStringAsync()}");
        }
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetInt64(), json.GetProperty("patientId").GetInt64());
    }

    /// <summary>Adds a professional to the patient's team directly.</summary>
    public Task AjouterAEquipeAsync(long patientId, int professionnelId) => App.AvecDbAsync(async db =>
    {
        db.MembresEquipe.Add(new MembreEquipe { PatientParcoursId = patientId, ProfessionnelId = professionnelId, AjouteLeUtc = App.Horloge.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    });

    /// <summary>A patient with his consent recorded (or not) and a team of the given professionals, without a plan.</summary>
    public Task<long> PatientAsync(bool consentement, params int[] equipe) => App.AvecDbAsync(async db =>
    {
        var maintenant = App.Horloge.GetUtcNow().UtcDateTime;
        var patient = new PatientParcours
        {
            CptsId = CptsId,
            Nom = "EXEMPLE",
            Prenom = "Gaston",
            DateNaissance = new DateOnly(1938, 2, 3),
            CodeCommune = "18033",
            CreeLeUtc = maintenant,
            ConsentementLeUtc = consentement ? maintenant : null,
            ConsentementRecueilliPar = consentement ? "coordination@test.invalid" : null,
        };
        patient.Equipe.AddRange(equipe.Select(p => new MembreEquipe { ProfessionnelId = p, AjouteLeUtc = maintenant }));
        db.PatientsParcours.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    });

    public static string Jour(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
