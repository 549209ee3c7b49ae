using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.SoinsNonProgrammes;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Infrastructure.Patients;

/// <summary>
/// The same wrong identity gets the same error, under the same field name, from every API that takes a patient:
/// unscheduled care, the médecin-traitant list and pathways (the JSON prefix is where the body nests the patient).
/// </summary>
public class IdentiteSurLesApisTests
{
    /// <summary>The key of this NIR is 65: 66 is a typing error.</summary>
    private const string InsMalSaisi = "180051803300166";
    private const string NomMalSaisi = "Durand2";
    private const string MessageIns = "La clé de l'INS (ses 2 derniers chiffres) ne correspond pas au numéro : vérifiez-le.";
    private const string MessageNom = "Le nom ne peut contenir que des lettres, espaces, tirets et apostrophes.";

    private static async Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        return app;
    }

    private static async Task<JsonElement> ErreursAsync(OpenCptsApp app, string role, string adresse, object corps)
    {
        var reponse = await (await app.ClientApiAsync(role)).PostAsJsonAsync(adresse, corps);
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        return (await reponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_unscheduled_care_API_names_a_wrong_INS_and_name_like_the_others(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges")))[0];
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];

        var erreurs = await ErreursAsync(app, Roles.Regulation, "/api/snp/reservations", new
        {
            slotId = creneau,
            patient = new { nom = NomMalSaisi, prenom = "Alice", dateNaissance = "1980-05-17", telephone = "06 12 34 56 78", communeInsee = "18033", ins = InsMalSaisi },
        });

        Assert.Equal(MessageIns, Assert.Single(erreurs.GetProperty("patient.ins").EnumerateArray()).GetString());
        Assert.Equal(MessageNom, Assert.Single(erreurs.GetProperty("patient.nom").EnumerateArray()).GetString());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_waiting_list_API_names_a_wrong_INS_and_name_like_the_others(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);

        var erreurs = await ErreursAsync(app, Roles.Coordination, "/api/medecin-traitant/demandes", new
        {
            nom = NomMalSaisi,
            prenom = "Alice",
            dateNaissance = "1980-05-17",
            sexe = "F",
            telephone = "06 12 34 56 78",
            communeInsee = "18033",
            ins = InsMalSaisi,
        });

        Assert.Equal(MessageIns, Assert.Single(erreurs.GetProperty("ins").EnumerateArray()).GetString());
        Assert.Equal(MessageNom, Assert.Single(erreurs.GetProperty("nom").EnumerateArray()).GetString());
    }

    /// <summary>A pathway patient carries no INS (no column yet): the shared name rule stands for the identity here.</summary>
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_pathways_API_names_a_wrong_name_like_the_others(Fournisseur fournisseur)
    {
        await using var app = await DemarrerAsync(fournisseur);

        var erreurs = await ErreursAsync(app, Roles.Coordination, "/api/parcours/demandes", new
        {
            profession = "60",
            actes = new[] { "pansements" },
            communeInsee = "18033",
            debut = "2026-11-25",
            urgence = "Rapide",
            patient = new { nom = NomMalSaisi, prenom = "Alice", dateNaissance = "1980-05-17" },
        });

        Assert.Equal(MessageNom, Assert.Single(erreurs.GetProperty("patient.nom").EnumerateArray()).GetString());
    }
}
