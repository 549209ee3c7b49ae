using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Demandes;

/// <summary>Helpers of the care-request tests: API clients of linked accounts and a valid request body.</summary>
internal static class DemandesDeTest
{
    /// <summary>A Bearer client of a new account with the role, linked to a professional or a structure.</summary>
    public static async Task<HttpClient> ClientApiAsync(this OpenCptsApp app, string role, int? professionnelId = null, int? structureId = null)
    {
        var u = await app.CreerUtilisateurAsync(role, x =>
        {
            x.ProfessionnelId = professionnelId;
            x.StructureId = structureId;
        });
        var jeton = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(u.Id, "tests"));
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton.Valeur);
        return client;
    }

    public static object Corps(string communeInsee = "18033", string[]? actes = null, string profession = "60", string debut = "2026-11-25") => new
    {
        profession,
        actes = actes ?? ["pansements", "injections"],
        communeInsee,
        debut,
        frequence = "tous les 2 jours",
        duree = "3 semaines",
        urgence = "Rapide",
        patient = new { nom = "FICTIVE", prenom = "Odette", dateNaissance = "1941-03-12" },
        description = "Retour à domicile après hospitalisation.",
    };

    public static async Task<long> PosterAsync(this HttpClient client, object? corps = null)
    {
        var reponse = await client.PostAsJsonAsync("/api/parcours/demandes", corps ?? Corps());
        reponse.EnsureSuccessStatusCode();
        var json = await reponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return json.GetProperty("id").GetInt64();
    }
}
