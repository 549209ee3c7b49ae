using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Suivi;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Suivi;

public class SuiviSnpTests
{
    /// <summary>
    /// November 2026 (Europe/Paris = UTC+1): three 20-minute slots and a one-hour slot for Dr BERTHIER —
    /// one booked and honoured, one booked and not honoured, one free, one withdrawn (never offered);
    /// one slot on 1 December 00:10 local (= 30 November 23:10 UTC) belongs to December.
    /// </summary>
    private static async Task<string> PreparerAsync(OpenCptsApp app)
    {
        var berthier = new ProfessionnelBuilder("BERTHIER", "Hélène").Docteur().Femme().ExerceA("18033", "Bourges");
        var ids = await app.AjouterAsync(berthier);
        await app.AvecDbAsync(async db =>
        {
            CreneauSnp Creneau(int jour, int heureUtc, int minutes, string statut = StatutsCreneau.Libre) => new()
            {
                ProfessionnelId = ids[0],
                DebutUtc = new DateTime(2026, 11, jour, heureUtc, 0, 0, DateTimeKind.Utc),
                FinUtc = new DateTime(2026, 11, jour, heureUtc, 0, 0, DateTimeKind.Utc).AddMinutes(minutes),
                Statut = statut,
            };
            var honore = Creneau(10, 16, 20, StatutsCreneau.Reserve);
            var nonHonore = Creneau(17, 16, 20, StatutsCreneau.Reserve);
            db.CreneauxSnp.AddRange(honore, nonHonore, Creneau(24, 16, 20), Creneau(25, 8, 60, StatutsCreneau.Retire), Creneau(30, 23, 20));
            await db.SaveChangesAsync();
            db.ReservationsSnp.AddRange(
                new ReservationSnp { CreneauSnpId = honore.Id, NomPatient = "ALIX", PrenomPatient = "Jeanne", DateNaissance = new DateOnly(1950, 1, 2), Statut = StatutsReservation.Honoree },
                new ReservationSnp { CreneauSnpId = nonHonore.Id, NomPatient = "BORIE", PrenomPatient = "Marc", DateNaissance = new DateOnly(1980, 3, 4), Statut = StatutsReservation.NonHonoree });
            await db.SaveChangesAsync();
        });
        return berthier.Rpps;
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_month_counts_offered_and_booked_slots_and_the_no_show_rate(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await PreparerAsync(app);

        var suivi = await app.AvecServicesAsync(sp => sp.GetRequiredService<CalculerSuiviSnp>().ExecuteAsync(new DateOnly(2026, 11, 1)));

        var berthier = Assert.Single(suivi.ParProfessionnel);
        Assert.Equal((3, 2, 1, 1), (berthier.CreneauxOfferts, berthier.CreneauxReserves, berthier.Honores, berthier.NonHonores));
        Assert.Equal(1.0, berthier.HeuresOffertes);
        Assert.Equal(0.67, berthier.HeuresUtilisees);
        Assert.Equal(0.5, suivi.TauxNonHonores);
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], suivi.ParSemaine.Select(s => s.Lundi));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_time_given_exports_as_csv_and_xlsx_for_the_compensation(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var rpps = await PreparerAsync(app);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var csv = await client.GetStringAsync("/snp/suivi?handler=Csv&mois=2026-11");
        var xlsx = await client.GetByteArrayAsync("/snp/suivi?handler=Xlsx&mois=2026-11");

        Assert.Contains($"{rpps};BERTHIER;Hélène;Médecin;3;2;1;1;1;0,67", csv);
        using var classeur = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var lignes = classeur.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2, lignes.Count);
        Assert.Equal("3", lignes[1].Elements<Cell>().ElementAt(4).CellValue!.Text);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_follow_up_page_shows_the_month_and_is_refused_to_the_regulation(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await PreparerAsync(app);
        var bureau = await app.ClientConnecteAsync(Roles.Bureau);
        var regulation = await app.ClientConnecteAsync(Roles.Regulation);

        var page = await (await bureau.GetAsync("/snp/suivi?mois=2026-11")).TexteAsync();
        var refus = await regulation.GetAsync("/snp/suivi?mois=2026-11");

        Assert.Contains("novembre 2026", page);
        Assert.Contains("50 %", page);
        Assert.Contains("Hélène BERTHIER", page);
        Assert.Equal(HttpStatusCode.Forbidden, refus.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_malformed_month_gives_a_message_not_an_error(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.GetAsync("/snp/suivi?mois=novembre");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Mois invalide : attendu AAAA-MM.", await reponse.TexteAsync());
    }
}
