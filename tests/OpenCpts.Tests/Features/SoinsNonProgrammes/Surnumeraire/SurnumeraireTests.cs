using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes.Surnumeraire;

public class SurnumeraireTests
{
    private sealed record Scene(OpenCptsApp App, HttpClient Regulation, long Demande, int[] Pros, int NonMembre);

    /// <summary>A CPTS, three member GPs in Bourges (with e-mails), one non-member, and an open same-day request.</summary>
    private static async Task<Scene> DemarrerAsync(Fournisseur fournisseur, int membres = 3)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var builders = Enumerable.Range(0, membres)
            .Select(i => new ProfessionnelBuilder("MEDECIN" + (char)('A' + i), "Jean").Docteur().ExerceA("18033", "Bourges", voie: "1 RUE DES TESTS").MembreDe(cpts.Id))
            .Append(new ProfessionnelBuilder("HORSCPTS", "Paul").Docteur().ExerceA("18033", "Bourges"))
            .ToArray();
        var ids = await app.AjouterAsync(builders);
        var regulation = await app.ClientConnecteAsync(Roles.Regulation);
        var reponse = await regulation.PosterFormulaireAsync("/snp/regulation", new Dictionary<string, string>
        {
            ["Nom"] = "FICTIF",
            ["Prenom"] = "Léon",
            ["DateNaissance"] = "1970-04-05",
            ["Telephone"] = "06 39 98 76 54",
            ["Email"] = "leon.fictif@example.invalid",
            ["Commune"] = "18033 Bourges",
            ["Motif"] = "Otalgie fébrile",
            ["Urgence"] = UrgencesDemande.JourMeme,
            ["TypeSouhaite"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var demande = long.Parse(reponse.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        return new Scene(app, regulation, demande, ids[..membres], ids[membres]);
    }

    private static async Task<HttpResponseMessage> InviterAsync(Scene s, params int[] pros)
    {
        var champs = pros.Select((p, i) => (Cle: $"professionnels[{i}]", Valeur: p.ToString(CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Cle, x => x.Valeur);
        return await s.Regulation.PosterFormulaireAsync($"/snp/regulation/demandes/{s.Demande}", champs, $"/snp/regulation/demandes/{s.Demande}?handler=Surnumeraire");
    }

    private static Task<long> InvitationAsync(Scene s, int pro) =>
        s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.Where(i => i.ProfessionnelId == pro).Select(i => i.Id).SingleAsync());

    private static Task<HttpClient> ProAsync(Scene s, int pro) => s.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = pro);

    private static Task<int> ActiviteAsync(Scene s, int pro) => s.App.ActiviteAsync(pro);

    /// <summary>Accepts at 15:00 Paris on the test day (2026-11-23, clock at 10:00 Paris).</summary>
    private static async Task<HttpResponseMessage> AccepterAsync(Scene s, HttpClient client, long invitation, int activite, string heure = "2026-11-23T15:00") =>
        await client.PosterFormulaireAsync("/snp/mes-rendez-vous", new Dictionary<string, string>
        {
            ["invitationId"] = invitation.ToString(CultureInfo.InvariantCulture),
            ["heure"] = heure,
            ["activiteId"] = activite.ToString(CultureInfo.InvariantCulture),
        }, "/snp/mes-rendez-vous?handler=Accepter");

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invitation_goes_to_the_chosen_professionals_only_and_each_is_told_by_email(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var page = await s.Regulation.PageAsync($"/snp/regulation/demandes/{s.Demande}");
        Assert.Contains("Dr Jean MEDECINA", page, StringComparison.Ordinal);
        Assert.DoesNotContain("HORSCPTS", page, StringComparison.Ordinal);
        await s.App.AvecDbAsync(db => db.Professionnels.Where(p => p.Id == s.Pros[0]).ExecuteUpdateAsync(x => x.SetProperty(p => p.Email, "medecina@example.invalid")));

        var reponse = await InviterAsync(s, s.Pros[0], s.Pros[2], s.NonMembre);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var invites = await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.OrderBy(i => i.ProfessionnelId).ToListAsync());
        Assert.Equal([s.Pros[0], s.Pros[2]], invites.Select(i => i.ProfessionnelId));
        Assert.All(invites, i => Assert.Equal(StatutsInvitation.EnAttente, i.Statut));
        var courriel = await s.App.AvecDbAsync(db => db.MessagesSortants.SingleAsync());
        Assert.Equal(("medecina@example.invalid", CanauxMessage.Email), (courriel.Destinataire, courriel.Canal));
        Assert.DoesNotContain("FICTIF", courriel.Texte, StringComparison.Ordinal);
        Assert.Contains("Otalgie fébrile", await (await ProAsync(s, s.Pros[0])).PageAsync("/snp/mes-rendez-vous"), StringComparison.Ordinal);
        Assert.DoesNotContain("Otalgie fébrile", await (await ProAsync(s, s.Pros[1])).PageAsync("/snp/mes-rendez-vous"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_not_invited_cannot_answer_another_ones_invitation(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros[0]);
        var invitation = await InvitationAsync(s, s.Pros[0]);
        var intrus = await ProAsync(s, s.Pros[1]);

        var acceptation = await AccepterAsync(s, intrus, invitation, await ActiviteAsync(s, s.Pros[1]));
        var refus = await intrus.PosterFormulaireAsync("/snp/mes-rendez-vous", new Dictionary<string, string> { ["invitationId"] = invitation.ToString(CultureInfo.InvariantCulture) }, "/snp/mes-rendez-vous?handler=Refuser");

        Assert.Equal(HttpStatusCode.NotFound, acceptation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refus.StatusCode);
        Assert.Equal(StatutsInvitation.EnAttente, await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.Select(i => i.Statut).SingleAsync()));
        Assert.Equal(StatutsDemande.Ouverte, await s.App.AvecDbAsync(db => db.DemandesSnp.Select(d => d.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Accepting_books_an_extra_appointment_confirms_it_to_the_patient_and_closes_the_other_invitations(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros[0], s.Pros[1]);
        var pro = await ProAsync(s, s.Pros[0]);

        var reponse = await AccepterAsync(s, pro, await InvitationAsync(s, s.Pros[0]), await ActiviteAsync(s, s.Pros[0]));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var demande = await s.App.AvecDbAsync(db => db.DemandesSnp.SingleAsync());
        Assert.Equal(StatutsDemande.Orientee, demande.Statut);
        var reservation = await s.App.AvecDbAsync(db => db.ReservationsSnp.SingleAsync(r => r.Id == demande.ReservationSnpId));
        Assert.Equal(OriginesReservation.Surnumeraire, reservation.Origine);
        var creneau = await s.App.AvecDbAsync(db => db.CreneauxSnp.SingleAsync(c => c.Id == reservation.CreneauSnpId));
        Assert.True(creneau.Surnumeraire);
        Assert.Equal((StatutsCreneau.Reserve, s.Pros[0], new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc)), (creneau.Statut, creneau.ProfessionnelId, creneau.DebutUtc));
        var sms = await s.App.AvecDbAsync(db => db.MessagesSortants.Where(m => m.Canal == CanauxMessage.Sms).SingleAsync());
        Assert.Equal("0639987654", sms.Destinataire.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("23/11/2026 15:00", sms.Texte, StringComparison.Ordinal);
        Assert.Contains("FICTIF", await pro.PageAsync("/snp/mes-rendez-vous"), StringComparison.Ordinal);
        Assert.Equal(StatutsInvitation.Close, await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.Where(i => i.ProfessionnelId == s.Pros[1]).Select(i => i.Statut).SingleAsync()));
        var bureau = await s.Regulation.PageAsync($"/snp/regulation/demandes/{s.Demande}");
        Assert.Contains("Acceptée", bureau, StringComparison.Ordinal);
        Assert.Contains("Rendez-vous réservé", bureau, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_second_professional_to_accept_is_told_the_request_is_already_taken(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros[0], s.Pros[1]);
        var second = await ProAsync(s, s.Pros[1]);
        var invitationSecond = await InvitationAsync(s, s.Pros[1]);
        await AccepterAsync(s, await ProAsync(s, s.Pros[0]), await InvitationAsync(s, s.Pros[0]), await ActiviteAsync(s, s.Pros[0]));

        var reponse = await AccepterAsync(s, second, invitationSecond, await ActiviteAsync(s, s.Pros[1]), "2026-11-23T16:00");

        Assert.Equal(HttpStatusCode.Conflict, reponse.StatusCode);
        Assert.Contains("Demande déjà prise", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.ReservationsSnp.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_refusal_keeps_the_request_open_and_the_desk_sees_it(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros[0], s.Pros[1]);
        var pro = await ProAsync(s, s.Pros[0]);

        var reponse = await pro.PosterFormulaireAsync("/snp/mes-rendez-vous", new Dictionary<string, string>
        {
            ["invitationId"] = (await InvitationAsync(s, s.Pros[0])).ToString(CultureInfo.InvariantCulture),
            ["motif"] = "Cabinet complet cet après-midi",
        }, "/snp/mes-rendez-vous?handler=Refuser");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(StatutsDemande.Ouverte, await s.App.AvecDbAsync(db => db.DemandesSnp.Select(d => d.Statut).SingleAsync()));
        Assert.Equal(StatutsInvitation.EnAttente, await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.Where(i => i.ProfessionnelId == s.Pros[1]).Select(i => i.Statut).SingleAsync()));
        var fragment = await s.Regulation.PageAsync($"/snp/regulation/demandes/{s.Demande}?handler=Invitations");
        Assert.Contains("Refusée", fragment, StringComparison.Ordinal);
        Assert.Contains("Cabinet complet cet après-midi", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Cancelling_a_surnumeraire_booking_withdraws_its_slot_instead_of_offering_it(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros[0]);
        await AccepterAsync(s, await ProAsync(s, s.Pros[0]), await InvitationAsync(s, s.Pros[0]), await ActiviteAsync(s, s.Pros[0]));
        var reservation = await s.App.AvecDbAsync(db => db.ReservationsSnp.SingleAsync());

        var reponse = await s.Regulation.PosterFormulaireAsync($"/snp/reservations/{reservation.Id}", new Dictionary<string, string>(), $"/snp/reservations/{reservation.Id}?handler=Annuler");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(StatutsCreneau.Retire, await s.App.StatutCreneauAsync(reservation.CreneauSnpId));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_appointment_outside_the_urgency_window_is_refused(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros[0]);

        // "Dans la journée": tomorrow is too late.
        var reponse = await AccepterAsync(s, await ProAsync(s, s.Pros[0]), await InvitationAsync(s, s.Pros[0]), await ActiviteAsync(s, s.Pros[0]), "2026-11-24T09:00");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.StatusCode);
        Assert.Equal(StatutsDemande.Ouverte, await s.App.AvecDbAsync(db => db.DemandesSnp.Select(d => d.Statut).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Concurrent_acceptances_give_exactly_one_booking(Fournisseur fournisseur)
    {
        const int nombre = 8;
        var s = await DemarrerAsync(fournisseur, nombre);
        await using var _ = s.App;
        await InviterAsync(s, s.Pros);
        var invitations = await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.Select(i => new { i.Id, i.ProfessionnelId }).ToListAsync());
        var activites = await s.App.AvecDbAsync(db => db.Activites.Where(a => s.Pros.Contains(a.ProfessionnelId)).ToDictionaryAsync(a => a.ProfessionnelId, a => a.Id));
        var rendezVous = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);

        using var depart = new ManualResetEventSlim();
        var taches = invitations.Select(i => Task.Run(() => s.App.AvecServicesAsync(sp =>
        {
            var repondre = sp.GetRequiredService<RepondreSurnumeraire>();
            depart.Wait();
            return repondre.AccepterAsync(i.Id, i.ProfessionnelId, rendezVous, activites[i.ProfessionnelId]);
        }))).ToList();
        depart.Set();
        var resultats = await Task.WhenAll(taches);

        Assert.Single(resultats.OfType<ResultatReponseSurnumeraire.Acceptee>());
        Assert.Equal(nombre - 1, resultats.OfType<ResultatReponseSurnumeraire.DejaPrise>().Count());
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.ReservationsSnp.CountAsync()));
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.CreneauxSnp.CountAsync(c => c.Surnumeraire)));
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.CountAsync(i => i.Statut == StatutsInvitation.Acceptee)));
        Assert.Equal(nombre - 1, await s.App.AvecDbAsync(db => db.InvitationsSurnumeraire.CountAsync(i => i.Statut == StatutsInvitation.Close)));
    }
}
