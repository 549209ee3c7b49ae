using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Disponibilites;

public partial class PagesSnpTests
{
    private static Dictionary<string, string> FormulaireMardi(string motif = "") => new()
    {
        ["Saisie.JourSemaine"] = "Tuesday",
        ["Saisie.HeureDebut"] = "17:00",
        ["Saisie.HeureFin"] = "19:00",
        ["Saisie.DureeCreneauMinutes"] = "20",
        ["Saisie.DateDebut"] = "2026-11-23",
        ["Saisie.TypeConsultation"] = TypesConsultation.Cabinet,
        ["Saisie.Visibilite"] = Visibilites.Snp,
        ["Saisie.AvecRendezVous"] = "true",
        ["Saisie.Motif"] = motif,
    };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_sees_only_his_own_patterns(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (moi, _, _) = await app.MedecinAsync("MOI");
        var (autre, _, _) = await app.MedecinAsync("AUTRE");
        var saisie = Snp.MardiSoir();
        saisie.Motif = "Motif du premier";
        await app.ModeleAsync(moi, saisie);
        saisie.Motif = "Motif du second";
        await app.ModeleAsync(autre, saisie);
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = moi);

        var page = await client.PageAsync("/snp/disponibilites");

        Assert.Contains("Motif du premier", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Motif du second", page, StringComparison.Ordinal);
        Assert.Contains("8 libres", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_is_forbidden_the_availabilities_of_another(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (moi, _, _) = await app.MedecinAsync("MOI");
        var (autre, _, rppsAutre) = await app.MedecinAsync("AUTRE");
        var modele = await app.ModeleAsync(autre, Snp.MardiSoir());
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = moi);

        var lecture = await client.GetAsync($"/snp/disponibilites?rpps={rppsAutre}");
        var archivage = await client.PosterFormulaireAsync("/snp/disponibilites", new Dictionary<string, string> { ["modeleId"] = modele.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            action: $"/snp/disponibilites?rpps={rppsAutre}&handler=Archiver");

        Assert.Equal(HttpStatusCode.Forbidden, lecture.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, archivage.StatusCode);
        Assert.False(await app.AvecDbAsync(db => db.ModelesDisponibilite.Where(m => m.Id == modele).Select(m => m.Archive).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_regulation_publishes_a_pattern_on_behalf_of_a_professional(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, rpps) = await app.MedecinAsync();
        var client = await app.ClientConnecteAsync(Roles.Regulation);
        var url = $"/snp/disponibilites?rpps={rpps}";

        var reponse = await client.PosterFormulaireAsync(url, FormulaireMardi(), action: url + "&handler=Enregistrer");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(48, await app.AvecDbAsync(db => db.CreneauxSnp.CountAsync(c => c.ProfessionnelId == pro)));
        Assert.Contains("48 créneau(x) créé(s)", await client.PageAsync(url), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invalid_pattern_form_shows_the_french_message(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = pro);
        var champs = FormulaireMardi();
        champs["Saisie.HeureFin"] = "16:00";

        var reponse = await client.PosterFormulaireAsync("/snp/disponibilites", champs, action: "/snp/disponibilites?handler=Enregistrer");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.StatusCode);
        Assert.Contains("L'heure de fin doit être après l'heure de début.", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_sees_his_upcoming_appointments(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        await app.ModeleAsync(pro, Snp.MardiSoir());
        var creneau = await app.AvecDbAsync(db => db.CreneauxSnp.OrderBy(c => c.DebutUtc).Select(c => c.Id).FirstAsync());
        await app.ReserverAsync(creneau, "DURAND", "Lucie");
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = pro);

        var page = await client.PageAsync("/snp/mes-rendez-vous");

        // Tuesday 2026-11-24 17:00 in Paris.
        Assert.Contains("24/11/2026", page, StringComparison.Ordinal);
        Assert.Contains("17:00–17:20", page, StringComparison.Ordinal);
        Assert.Contains("Lucie DURAND", page, StringComparison.Ordinal);
        Assert.Contains("Fièvre", page, StringComparison.Ordinal);
        Assert.Contains("47 créneaux libres", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Ressource == "ReservationSnp")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_calendar_feed_lists_the_upcoming_bookings_with_initials_until_revoked(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var (pro, _, _) = await app.MedecinAsync();
        await app.ModeleAsync(pro, Snp.MardiSoir());
        var creneaux = await app.AvecDbAsync(db => db.CreneauxSnp.OrderBy(c => c.DebutUtc).Select(c => c.Id).Take(2).ToListAsync());
        await app.ReserverAsync(creneaux[0], "DURAND", "Lucie");
        await app.ReserverAsync(creneaux[1], "PETIT", "Marc");
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = pro);
        var anonyme = app.Client();

        var creation = await client.PosterFormulaireAsync("/snp/mes-rendez-vous", new Dictionary<string, string>(), action: "/snp/mes-rendez-vous?handler=CreerFlux");
        var adresse = AdresseFlux().Match(await creation.Content.ReadAsStringAsync()).Value;
        var flux = await anonyme.GetAsync(adresse);
        var ics = await flux.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, flux.StatusCode);
        Assert.Equal("text/calendar", flux.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, Regex.Count(ics, "BEGIN:VEVENT"));
        Assert.Contains("DTSTART:20261124T160000Z", ics, StringComparison.Ordinal);
        Assert.Contains("L.D.", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DURAND", ics, StringComparison.Ordinal);

        await client.PosterFormulaireAsync("/snp/mes-rendez-vous", new Dictionary<string, string>(), action: "/snp/mes-rendez-vous?handler=RevoquerFlux");

        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync(adresse)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync("/snp/calendrier/inconnu.ics")).StatusCode);
    }

    [GeneratedRegex("/snp/calendrier/[A-Za-z0-9_-]+\\.ics")]
    private static partial Regex AdresseFlux();
}
