using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Regulation;

public class RegulationPagesTests
{
    private static Dictionary<string, string> Formulaire() => new()
    {
        ["Nom"] = "LEROY",
        ["Prenom"] = "Jeanne",
        ["DateNaissance"] = "1975-03-02",
        ["Telephone"] = "06 98 76 54 32",
        ["Commune"] = "18033 Bourges",
        ["Motif"] = "Entorse de la cheville",
        ["Urgence"] = UrgencesDemande.JourMeme,
        ["TypeSouhaite"] = "",
        ["AMedecinTraitant"] = "true",
        ["NomMedecinTraitant"] = "Dr MOREAU",
    };

    private static async Task<(OpenCptsApp App, long[] Creneaux)> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").Docteur().ExerceA("18033", "Bourges")))[0];
        var activite = await app.ActiviteAsync(pro);
        var creneaux = await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro).Au(activite), new CreneauSnpBuilder(pro).Au(activite).Dans(TimeSpan.FromHours(3)));
        return (app, creneaux);
    }

    private static async Task<long> PrendreDemandeAsync(HttpClient client)
    {
        var reponse = await client.PosterFormulaireAsync("/snp/regulation", Formulaire());
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return long.Parse(reponse.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_operator_takes_a_request_and_books_the_first_proposed_slot_in_one_click(Fournisseur fournisseur)
    {
        var (app, creneaux) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        var demande = await PrendreDemandeAsync(client);
        var page = await client.PageAsync($"/snp/regulation/demandes/{demande}");
        Assert.Contains("Dr Luc BERNARD", page, StringComparison.Ordinal);
        Assert.Contains("même commune", page, StringComparison.Ordinal);
        Assert.Contains("23/11/2026 11:00", page, StringComparison.Ordinal);

        var reservation = await client.PosterHtmxAsync($"/snp/regulation/demandes/{demande}", $"/snp/regulation/demandes/{demande}?handler=Reserver",
            new Dictionary<string, string> { ["creneauId"] = creneaux[0].ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal($"/snp/regulation/demandes/{demande}", reservation.Headers.GetValues("HX-Redirect").Single());
        var confirmation = await client.PageAsync($"/snp/regulation/demandes/{demande}");
        Assert.Contains("Rendez-vous réservé", confirmation, StringComparison.Ordinal);
        var d = await app.AvecDbAsync(db => db.DemandesSnp.SingleAsync());
        Assert.Equal(StatutsDemande.Orientee, d.Statut);
        Assert.Equal(StatutsCreneau.Reserve, await app.StatutCreneauAsync(creneaux[0]));
        Assert.Equal(1, await app.AvecDbAsync(db => db.MessagesSortants.CountAsync()));
        var detail = await client.PageAsync($"/snp/reservations/{d.ReservationSnpId}");
        Assert.Contains("06 98 76 54 32", detail, StringComparison.Ordinal);
        var boite = await client.PageAsync("/snp/boite-envoi");
        Assert.Contains("Confirmation de votre rendez-vous", boite, StringComparison.Ordinal);
        Assert.Contains("0698765432", boite, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Booking_a_slot_taken_meanwhile_says_so_and_refreshes_the_list(Fournisseur fournisseur)
    {
        var (app, creneaux) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var client = await app.ClientConnecteAsync(Roles.Regulation);
        var demande = await PrendreDemandeAsync(client);
        var page = $"/snp/regulation/demandes/{demande}";
        await client.GetAsync(page);
        // Another operator takes the first slot.
        await app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.Id == creneaux[0]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Statut, StatutsCreneau.Reserve)));

        var reponse = await client.PosterHtmxAsync(page, page + "?handler=Reserver",
            new Dictionary<string, string> { ["creneauId"] = creneaux[0].ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var fragment = await reponse.TexteAsync();
        Assert.Contains("Ce créneau vient d'être réservé", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{creneaux[0]}\"", fragment, StringComparison.Ordinal);
        Assert.Contains($"value=\"{creneaux[1]}\"", fragment, StringComparison.Ordinal);
        Assert.Equal(StatutsDemande.Ouverte, await app.AvecDbAsync(db => db.DemandesSnp.Select(x => x.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invalid_request_shows_French_errors_and_saves_nothing(Fournisseur fournisseur)
    {
        var (app, _) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var champs = Formulaire();
        champs["Telephone"] = "12";
        champs["Commune"] = "zzzz";
        champs["Nom"] = "";

        var reponse = await client.PosterFormulaireAsync("/snp/regulation", champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.TexteAsync();
        Assert.Contains("Le nom est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("numéro français à 10 chiffres", html, StringComparison.Ordinal);
        Assert.Contains("ne correspond à aucune commune", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.AvecDbAsync(db => db.DemandesSnp.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_request_without_a_fitting_slot_can_be_closed_without_solution(Fournisseur fournisseur)
    {
        var (app, _) = await DemarrerAsync(fournisseur);
        await using var __ = app;
        var client = await app.ClientConnecteAsync(Roles.Regulation);
        var demande = await PrendreDemandeAsync(client);

        var reponse = await client.PosterFormulaireAsync($"/snp/regulation/demandes/{demande}", new Dictionary<string, string>(), $"/snp/regulation/demandes/{demande}?handler=SansSolution");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(StatutsDemande.SansSolution, await app.AvecDbAsync(db => db.DemandesSnp.Select(x => x.Statut).SingleAsync()));
        Assert.Contains("Sans solution", await client.PageAsync("/snp/regulation"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_booking_page_cancels_and_is_closed_to_professionals(Fournisseur fournisseur)
    {
        var (app, creneaux) = await DemarrerAsync(fournisseur);
        await using var _ = app;
        var client = await app.ClientConnecteAsync(Roles.Regulation);
        var demande = await PrendreDemandeAsync(client);
        await client.PosterHtmxAsync($"/snp/regulation/demandes/{demande}", $"/snp/regulation/demandes/{demande}?handler=Reserver",
            new Dictionary<string, string> { ["creneauId"] = creneaux[0].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var id = await app.AvecDbAsync(db => db.ReservationsSnp.Select(r => r.Id).SingleAsync());
        var professionnel = await app.ClientConnecteAsync(Roles.Professionnel);

        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.GetAsync($"/snp/reservations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professionnel.GetAsync("/snp/regulation")).StatusCode);
        var reponse = await client.PosterFormulaireAsync($"/snp/reservations/{id}", new Dictionary<string, string>(), $"/snp/reservations/{id}?handler=Annuler");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(StatutsCreneau.Libre, await app.StatutCreneauAsync(creneaux[0]));
        Assert.Contains("Annulée", await client.PageAsync($"/snp/reservations/{id}"), StringComparison.Ordinal);
    }
}
