using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Features.Parcours.Protocoles;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;

namespace OpenCpts.Tests.Features.Parcours.Modeles;

public partial class ModelesParcoursTests
{
    /// <summary>A CPTS, a nurse and a GP in the team of an invented patient, a physiotherapist outside it, and a template.</summary>
    private sealed record Scene(OpenCptsApp App, HttpClient Coordination, long Patient, int Infirmiere, int Medecin, int Kine, int Modele);

    private static readonly (string Libelle, string Profession, string Delai)[] EtapesCardiaque =
    [
        ("Visite infirmière à domicile", "60", "2"),
        ("Consultation du médecin traitant", "10", "7"),
        ("Bilan de kinésithérapie", "70", "21"),
    ];

    private static async Task<Scene> DemarrerAsync(Fournisseur fournisseur, Action<IServiceCollection>? services = null)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur, services);
        var cpts = await app.CreerCptsAsync("18033", "18205");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("SOIGNANTE", "Inès").Femme().Profession("60").MembreDe(cpts.Id),
            new ProfessionnelBuilder("GENERALISTE", "Marc").Docteur().MembreDe(cpts.Id),
            new ProfessionnelBuilder("KINE", "Hugo").Profession("70").MembreDe(cpts.Id));
        var patient = await app.AvecDbAsync(async db =>
        {
            var p = new PatientParcours
            {
                CptsId = cpts.Id,
                Nom = "FICTIVE",
                Prenom = "Odette",
                DateNaissance = new DateOnly(1940, 5, 2),
                CreeLeUtc = app.Horloge.GetUtcNow().UtcDateTime,
            };
            p.Equipe.Add(new MembreEquipe { ProfessionnelId = ids[1], Role = "Médecin traitant", AjouteLeUtc = p.CreeLeUtc });
            p.Equipe.Add(new MembreEquipe { ProfessionnelId = ids[0], Role = "Infirmière", AjouteLeUtc = p.CreeLeUtc });
            db.PatientsParcours.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var creation = await coordination.EnregistrerModeleAsync("/parcours/modeles/nouveau", "Retour à domicile après insuffisance cardiaque", EtapesCardiaque);
        Assert.Equal("/parcours/modeles", creation.Headers.Location?.OriginalString);
        var modele = await app.AvecDbAsync(db => db.ModelesParcours.Select(m => m.Id).SingleAsync());
        return new Scene(app, coordination, patient, ids[0], ids[1], ids[2], modele);
    }

    private static Task<HttpResponseMessage> InscrireAsync(Scene s, HttpClient client, int modele, string debut = "2026-11-23") =>
        client.PosterChampsAsync($"/parcours/patients/{s.Patient}/inscrire",
            [("ModeleId", modele.ToString(CultureInfo.InvariantCulture)), ("DebutLe", debut)]);

    private static Task<List<TacheParcours>> TachesAsync(Scene s) =>
        s.App.AvecDbAsync(db => db.TachesParcours.AsNoTracking().OrderBy(t => t.Ordre).ToListAsync());

    private static Task<HttpResponseMessage> MarquerFaiteAsync(HttpClient client, string page, long tache) =>
        client.PosterChampsAsync(page, [("tacheId", tache.ToString(CultureInfo.InvariantCulture))], page + "?handler=Faite");

    [GeneratedRegex("data-tache=\"(\\d+)\"")]
    private static partial Regex LigneTache();

    private static long[] Taches(string page) => [.. LigneTache().Matches(page).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex("id=\"etape-\\d+-libelle\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex LibelleEtape();

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_creates_a_template_with_its_steps_in_order(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var modele = await s.App.AvecDbAsync(db => db.ModelesParcours.AsNoTracking().Include(m => m.Etapes).SingleAsync(m => m.Id == s.Modele));

        Assert.Equal("Retour à domicile après insuffisance cardiaque", modele.Nom);
        Assert.Equal([(1, "Visite infirmière à domicile", "60", 2), (2, "Consultation du médecin traitant", "10", 7), (3, "Bilan de kinésithérapie", "70", 21)],
            modele.Etapes.OrderBy(e => e.Ordre).Select(e => (e.Ordre, e.Libelle, e.CodeProfession, e.DelaiJours)));
        var liste = await s.Coordination.PageAsync("/parcours/modeles");
        Assert.Contains("Retour à domicile après insuffisance cardiaque", liste, StringComparison.Ordinal);
        Assert.Contains("21 j", liste, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_step_with_a_wrong_delay_is_shown_again_with_its_message_and_nothing_is_saved(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var reponse = await s.Coordination.EnregistrerModeleAsync("/parcours/modeles/nouveau", "PMA",
            [("Consultation de sage-femme", "50", "0"), ("", "", ""), ("Bilan de fertilité", "10", "une semaine")]);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await reponse.TexteAsync();
        Assert.Contains("Le délai est un nombre entier de jours, de 0 à 3650.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"une semaine\"", page, StringComparison.Ordinal);
        // The blank row is dropped: the wrong step is now the second one, with its message next to it.
        Assert.Equal(["Consultation de sage-femme", "Bilan de fertilité"], LibelleEtape().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Equal(1, await s.App.AvecDbAsync(db => db.ModelesParcours.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Moving_a_step_up_reorders_the_form_without_saving(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var page = $"/parcours/modeles/{s.Modele}/modifier";
        var champs = FormulairesParcours.ChampsModele("Retour à domicile après insuffisance cardiaque", EtapesCardiaque).Append(("index", "2"));

        var reponse = await s.Coordination.PosterChampsAsync(page, champs, page + "?handler=MonterEtape");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(["Visite infirmière à domicile", "Bilan de kinésithérapie", "Consultation du médecin traitant"],
            LibelleEtape().Matches(await reponse.TexteAsync()).Select(m => m.Groups[1].Value));
        Assert.Equal("Consultation du médecin traitant",
            await s.App.AvecDbAsync(db => db.EtapesModele.Where(e => e.Ordre == 2).Select(e => e.Libelle).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Editing_a_template_replaces_its_steps(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var reponse = await s.Coordination.EnregistrerModeleAsync($"/parcours/modeles/{s.Modele}/modifier", "Retour à domicile (IC)",
            [("Consultation du médecin traitant", "10", "5"), ("Visite infirmière à domicile", "60", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var modele = await s.App.AvecDbAsync(db => db.ModelesParcours.AsNoTracking().Include(m => m.Etapes).SingleAsync());
        Assert.Equal("Retour à domicile (IC)", modele.Nom);
        Assert.Equal([(1, "10", 5), (2, "60", 1)], modele.Etapes.OrderBy(e => e.Ordre).Select(e => (e.Ordre, e.CodeProfession, e.DelaiJours)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_archived_template_is_no_longer_offered_for_enrolment(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var option = $"<option value=\"{s.Modele}\"";
        Assert.Contains(option, await s.Coordination.PageAsync($"/parcours/patients/{s.Patient}/inscrire"), StringComparison.Ordinal);

        await s.Coordination.PosterChampsAsync("/parcours/modeles", [("id", s.Modele.ToString(CultureInfo.InvariantCulture)), ("archive", "true")],
            "/parcours/modeles?handler=Archiver");

        Assert.DoesNotContain(option, await s.Coordination.PageAsync($"/parcours/patients/{s.Patient}/inscrire"), StringComparison.Ordinal);
        var reponse = await InscrireAsync(s, s.Coordination, s.Modele);
        Assert.Contains("Ce parcours n'existe pas ou a été archivé.", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Empty(await TachesAsync(s));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Enrolling_creates_one_task_per_step_due_after_its_delay_for_the_team_member_of_its_profession(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var reponse = await InscrireAsync(s, s.Coordination, s.Modele, "2026-11-20");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var inscription = await s.App.AvecDbAsync(db => db.InscriptionsParcours.AsNoTracking().SingleAsync());
        Assert.Equal((s.Patient, s.Modele, new DateOnly(2026, 11, 20)), (inscription.PatientParcoursId, inscription.ModeleParcoursId, inscription.DebutLe));
        Assert.Equal(
            [
                (1, "Visite infirmière à domicile", new DateOnly(2026, 11, 22), (int?)s.Infirmiere),
                (2, "Consultation du médecin traitant", new DateOnly(2026, 11, 27), s.Medecin),
                (3, "Bilan de kinésithérapie", new DateOnly(2026, 12, 11), null),
            ],
            (await TachesAsync(s)).Select(t => (t.Ordre, t.Libelle, t.Echeance, t.ResponsableProfessionnelId)));
        var page = await s.Coordination.PageAsync($"/parcours/patients/{s.Patient}/inscrire");
        Assert.Contains("3 tâches créées pour son équipe. 1 sans responsable", page, StringComparison.Ordinal);
        Assert.Contains("Inès SOIGNANTE", page, StringComparison.Ordinal);
        Assert.Contains("En retard de 1 j", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Enrolling_twice_in_the_same_pathway_is_refused_while_tasks_are_open(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InscrireAsync(s, s.Coordination, s.Modele);

        var reponse = await InscrireAsync(s, s.Coordination, s.Modele, "2026-11-24");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Le patient suit déjà ce parcours (début le 23/11/2026)", await reponse.TexteAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await TachesAsync(s)).Count);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Overdue_steps_appear_once_their_due_date_has_passed_and_disappear_when_marked_done(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InscrireAsync(s, s.Coordination, s.Modele);
        var taches = await TachesAsync(s);
        Assert.Empty(Taches(await s.Coordination.PageAsync("/parcours/taches-en-retard")));

        // Three days later (26/11), the nurse's visit due on 25/11 is one day late; the GP's (30/11) is not yet due.
        s.App.Horloge.Advance(TimeSpan.FromDays(3));
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);
        var page = await coordination.PageAsync("/parcours/taches-en-retard");

        Assert.Equal([taches[0].Id], Taches(page));
        Assert.Contains("FICTIVE Odette", page, StringComparison.Ordinal);
        Assert.Contains("Visite infirmière à domicile", page, StringComparison.Ordinal);
        Assert.Contains("1 j", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await MarquerFaiteAsync(coordination, "/parcours/taches-en-retard", taches[0].Id)).StatusCode);

        Assert.Empty(Taches(await coordination.PageAsync("/parcours/taches-en-retard")));
        var faite = (await TachesAsync(s))[0];
        Assert.Equal(s.App.Horloge.GetUtcNow().UtcDateTime, faite.FaiteLeUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_responsible_professional_marks_his_task_done_once_and_another_professional_cannot(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InscrireAsync(s, s.Coordination, s.Modele);
        var taches = await TachesAsync(s);
        var infirmiere = await s.App.ClientConnecteAsync(Roles.Professionnel, u => { u.ProfessionnelId = s.Infirmiere; u.Email = u.UserName = "ines@test.invalid"; });
        var medecin = await s.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);
        var kine = await s.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Kine);

        // Her own task, and none of the GP's; the task without responsible goes to the team, not to an outsider.
        Assert.Equal([taches[0].Id, taches[2].Id], Taches(await infirmiere.PageAsync("/parcours/mes-taches")));
        Assert.Empty(Taches(await kine.PageAsync("/parcours/mes-taches")));
        // Not his task: the same answer as an unknown task.
        Assert.Equal(HttpStatusCode.NotFound, (await MarquerFaiteAsync(medecin, "/parcours/mes-taches", taches[0].Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MarquerFaiteAsync(kine, "/parcours/mes-taches", taches[2].Id)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await MarquerFaiteAsync(infirmiere, "/parcours/mes-taches", taches[0].Id)).StatusCode);
        var faiteLe = s.App.Horloge.GetUtcNow().UtcDateTime;
        s.App.Horloge.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Redirect, (await MarquerFaiteAsync(s.Coordination, $"/parcours/patients/{s.Patient}/inscrire", taches[0].Id)).StatusCode);

        var faite = (await TachesAsync(s))[0];
        Assert.Equal(((DateTime?)faiteLe, "ines@test.invalid"), (faite.FaiteLeUtc, faite.FaitePar));
        Assert.Equal([taches[2].Id], Taches(await infirmiere.PageAsync("/parcours/mes-taches")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Pages_naming_the_patient_log_a_read_with_his_id(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await InscrireAsync(s, s.Coordination, s.Modele, "2026-11-01");
        // The journal is append-only: read what the two pages add after the last entry so far.
        var avant = await s.App.AvecDbAsync(db => db.EntreesAudit.MaxAsync(e => (long?)e.Id)) ?? 0;

        await s.Coordination.PageAsync($"/parcours/patients/{s.Patient}/inscrire");
        await s.Coordination.PageAsync("/parcours/taches-en-retard");

        var lectures = await s.App.AvecDbAsync(db => db.EntreesAudit.AsNoTracking().Where(e => e.Id > avant).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, lectures.Count);
        Assert.All(lectures, e => Assert.Equal(("Lecture", "PatientParcours", (long?)s.Patient), (e.Action, e.Ressource, e.PatientId)));
        Assert.Equal(["Parcours du patient", "Étapes de parcours en retard"], lectures.Select(e => e.Detail));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_coordination_manages_templates_enrols_and_follows_overdue_steps(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var medecin = await s.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);

        foreach (var url in new[] { "/parcours/modeles", "/parcours/modeles/nouveau", $"/parcours/modeles/{s.Modele}/modifier", $"/parcours/patients/{s.Patient}/inscrire", "/parcours/taches-en-retard" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await medecin.GetAsync(url)).StatusCode);
        }
        var reponse = await medecin.PosterChampsAsync("/parcours/mes-taches", [("ModeleId", s.Modele.ToString(CultureInfo.InvariantCulture)), ("DebutLe", "2026-11-23")],
            $"/parcours/patients/{s.Patient}/inscrire");
        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.Empty(await TachesAsync(s));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_dashboard_card_shows_the_most_late_steps_to_the_coordination_only(Fournisseur fournisseur)
    {
        var s = await DemarrerAsync(fournisseur, services => services.AddSingleton<IStartupFilter, CarteTableauDeBord>());
        await using var _ = s.App;
        await InscrireAsync(s, s.Coordination, s.Modele, "2026-11-10");

        var carte = await s.Coordination.PageAsync(CarteTableauDeBord.Adresse);
        var medecin = await s.App.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = s.Medecin);

        // Started on 10/11: the nurse's visit (12/11) is 11 days late, the GP's (17/11) 6 days; the physiotherapy (01/12) is not due.
        Assert.Contains("Étapes de parcours en retard", carte, StringComparison.Ordinal);
        Assert.Contains("11 j de retard", carte, StringComparison.Ordinal);
        Assert.Contains("6 j de retard", carte, StringComparison.Ordinal);
        Assert.True(carte.IndexOf("11 j de retard", StringComparison.Ordinal) < carte.IndexOf("6 j de retard", StringComparison.Ordinal));
        Assert.DoesNotContain("Bilan de kinésithérapie", carte, StringComparison.Ordinal);
        Assert.Contains("Toutes les étapes en retard (2)", carte, StringComparison.Ordinal);
        Assert.Equal("", await medecin.PageAsync(CarteTableauDeBord.Adresse));
    }

    /// <summary>
    /// Renders the TachesEnRetard view component alone at <see cref="Adresse"/>, as the lead's dashboard will with
    /// <c>@await Component.InvokeAsync("TachesEnRetard")</c>, for the signed-in user.
    /// </summary>
    private sealed class CarteTableauDeBord : IStartupFilter
    {
        public const string Adresse = "/tests/carte-taches-en-retard";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Adresse, carte => carte.Run(async http =>
            {
                var authentification = await http.AuthenticateAsync();
                if (authentification.Principal is { } principal)
                {
                    http.User = principal;
                }
                // Outside the pipeline: the request's CPTS is resolved here as the pipeline would.
                await CptsDeLaRequete.ResoudreAsync(http, async h =>
                {
                    var resultat = new ViewComponentResult { ViewComponentName = "TachesEnRetard" };
                    await resultat.ExecuteResultAsync(new ActionContext(h, new RouteData(), new ActionDescriptor()));
                });
            }));
            next(app);
        };
    }
}
