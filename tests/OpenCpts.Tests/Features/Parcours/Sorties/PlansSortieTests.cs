using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Sorties;

namespace OpenCpts.Tests.Features.Parcours.Sorties;

public class PlansSortieTests
{
    private static Dictionary<string, string> Formulaire(string dateSortie, string nom = "FICTIF") => new()
    {
        ["Nom"] = nom,
        ["Prenom"] = "Jeanne",
        ["DateNaissance"] = "1941-05-12",
        ["Commune"] = "18033",
        ["DateSortiePrevue"] = dateSortie,
        ["Service"] = "Cardiologie",
        ["ContactNom"] = "",
        ["ContactEmail"] = "",
        ["ContactTelephone"] = "",
    };

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Opening_a_plan_copies_the_default_checklist_with_due_dates_counted_from_the_planned_day(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;

        var (plan, _) = await s.OuvrirPlanAsync("2026-11-30");

        var elements = await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.PlanSortieId == plan).OrderBy(e => e.Ordre).ToListAsync());
        Assert.Equal(ChargerChecklistSortie.ParDefaut.Select(e => e.Libelle), elements.Select(e => e.Libelle));
        Assert.Equal(8, elements.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), elements.Single(e => e.Libelle.StartsWith("Lettre de liaison", StringComparison.Ordinal)).Echeance);
        Assert.Equal(new DateOnly(2026, 11, 29), elements.Single(e => e.Libelle.StartsWith("Matériel", StringComparison.Ordinal)).Echeance);
        Assert.Equal((new DateOnly(2026, 12, 7), "Coordination"), elements.Select(e => (e.Echeance, e.Responsable)).Last());
        Assert.All(elements, e => Assert.Null(e.FaitLeUtc));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Opening_a_plan_copies_the_checklist_edited_by_the_coordination(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);
        // The form as shown: rename the first item, give the second a delay of -2, then delete the third.
        var champs = new Dictionary<string, string>();
        for (var i = 0; i < ChargerChecklistSortie.ParDefaut.Count; i++)
        {
            var e = ChargerChecklistSortie.ParDefaut[i];
            champs[$"Lignes[{i}].Libelle"] = i == 0 ? "Courrier de sortie au médecin traitant" : e.Libelle;
            champs[$"Lignes[{i}].DelaiJours"] = (i == 1 ? -2 : e.DelaiJours).ToString(CultureInfo.InvariantCulture);
            champs[$"Lignes[{i}].Responsable"] = e.ResponsableParDefaut ?? "";
        }
        champs["operation"] = "supprimer-2";
        var suppression = await coordination.PosterFormulaireAsync("/parcours/sorties/checklist", champs);
        var ajout = await coordination.PosterFormulaireAsync("/parcours/sorties/checklist", new Dictionary<string, string>
        {
            ["Lignes[0].Libelle"] = "Courrier de sortie au médecin traitant",
            ["Lignes[0].DelaiJours"] = "0",
            ["Lignes[0].Responsable"] = "Service",
            ["Lignes[1].Libelle"] = "Ordonnances",
            ["Lignes[1].DelaiJours"] = "-2",
            ["Nouvelle.Libelle"] = "Kinésithérapeute prévenu",
            ["Nouvelle.DelaiJours"] = "1",
            ["Nouvelle.Responsable"] = "Kinésithérapeute",
            ["operation"] = "ajouter",
        });

        var (plan, _) = await s.OuvrirPlanAsync("2026-11-30");

        Assert.Equal(HttpStatusCode.Redirect, suppression.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        var elements = await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.PlanSortieId == plan).OrderBy(e => e.Ordre)
            .Select(e => new { e.Libelle, e.Echeance, e.Responsable }).ToListAsync());
        Assert.Equal(
            [("Courrier de sortie au médecin traitant", new DateOnly(2026, 11, 30), "Service"), ("Ordonnances", new DateOnly(2026, 11, 28), null),
             ("Kinésithérapeute prévenu", new DateOnly(2026, 12, 1), "Kinésithérapeute")],
            elements.Select(e => (e.Libelle, e.Echeance!.Value, e.Responsable)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_empty_label_in_the_checklist_is_refused_beside_its_field_and_nothing_changes(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);

        var reponse = await coordination.PosterFormulaireAsync("/parcours/sorties/checklist", new Dictionary<string, string>
        {
            ["Lignes[0].Libelle"] = "Lettre",
            ["Lignes[0].DelaiJours"] = "0",
            ["Lignes[1].Libelle"] = " ",
            ["Lignes[1].DelaiJours"] = "400",
            ["operation"] = "enregistrer",
        });

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Le libellé est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("Le délai doit être compris entre -30 et 90 jours", html, StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.ModelesElementSortie.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_establishment_account_opens_a_plan_for_its_own_hospital_which_joins_the_patients_team(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var hopital = await s.HopitalAsync();

        var reponse = await hopital.PosterFormulaireAsync("/parcours/sorties/nouvelle", Formulaire("2026-11-27"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var plan = await s.App.AvecDbAsync(db => db.PlansSortie.Include(p => p.Patient).SingleAsync());
        Assert.Equal($"/parcours/sorties/{plan.Id}", reponse.Headers.Location!.OriginalString);
        Assert.Equal((s.Hopital, "Cardiologie", StatutsPlanSortie.EnPreparation), (plan.StructureId, plan.Service, plan.Statut));
        // The account's e-mail is the default contact.
        Assert.StartsWith("etablissement", plan.ContactEmail, StringComparison.Ordinal);
        Assert.Equal(("FICTIF", "Jeanne", "18033"), (plan.Patient!.Nom, plan.Patient.Prenom, plan.Patient.CodeCommune));
        Assert.Equal(s.Hopital, await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.PatientParcoursId == plan.PatientParcoursId).Select(m => m.StructureId).SingleAsync()));
        var page = await hopital.PageAsync($"/parcours/sorties/{plan.Id}");
        Assert.Contains("Sortie de FICTIF Jeanne", page, StringComparison.Ordinal);
        Assert.Contains($"/parcours/demandes/nouvelle?planSortieId={plan.Id}", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_planned_day_in_the_past_is_refused_beside_its_field_with_the_typed_values_kept(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var hopital = await s.HopitalAsync();

        var reponse = await hopital.PosterFormulaireAsync("/parcours/sorties/nouvelle", Formulaire("2026-11-22", "PASSE"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("La date de sortie prévue ne peut pas être passée.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"PASSE\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await s.App.AvecDbAsync(db => db.PlansSortie.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_closed_establishment_is_not_offered_and_cannot_receive_a_plan(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await s.App.AvecDbAsync(db => db.Structures.Where(x => x.Id == s.AutreHopital)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Fermee, true).SetProperty(x => x.FermeeLe, new DateOnly(2026, 11, 1))));
        var coordination = await s.ClientApiAsync(Roles.Coordination);

        var parFiness = await coordination.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27", SceneParcours.FinessAutre));
        var parId = await coordination.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27", null, s.AutreHopital));
        var page = await (await s.App.ClientConnecteAsync(Roles.Coordination)).PageAsync("/parcours/sorties/nouvelle");

        Assert.Equal(HttpStatusCode.BadRequest, parFiness.StatusCode);
        Assert.Contains("fermé", await parFiness.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, parId.StatusCode);
        Assert.DoesNotContain($"value=\"{s.AutreHopital}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{s.Hopital}\"", page, StringComparison.Ordinal);
        Assert.False(await s.App.AvecDbAsync(db => db.PlansSortie.AnyAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_establishment_account_cannot_open_a_plan_for_another_structure(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var jeton = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.Hopital);

        var parFiness = await jeton.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27", SceneParcours.FinessAutre));
        var parId = await jeton.PostAsJsonAsync("/api/parcours/sorties", SceneParcours.CorpsPlan("2026-11-27", null, s.AutreHopital));
        var formulaire = await (await s.HopitalAsync()).PosterFormulaireAsync("/parcours/sorties/nouvelle",
            new Dictionary<string, string>(Formulaire("2026-11-27")) { ["StructureId"] = s.AutreHopital.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Forbidden, parFiness.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, parId.StatusCode);
        Assert.Contains("propre structure", await parFiness.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The form never chooses for an establishment: the posted structure is ignored and its own is used.
        Assert.Equal(HttpStatusCode.Redirect, formulaire.StatusCode);
        Assert.Equal([s.Hopital], await s.App.AvecDbAsync(db => db.PlansSortie.Select(p => p.StructureId!.Value).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_establishment_account_cannot_read_another_hospitals_plan_and_the_attempt_is_logged(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, patient) = await s.OuvrirPlanAsync("2026-11-27");
        var autre = await s.AutreHopitalAsync();
        var jetonAutre = await s.ClientApiAsync(Roles.Etablissement, u => u.StructureId = s.AutreHopital);

        var page = await autre.GetAsync($"/parcours/sorties/{plan}");
        var api = await jetonAutre.GetAsync($"/api/parcours/sorties/{plan}");
        var liste = await autre.PageAsync("/parcours/sorties");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("FICTIF", liste, StringComparison.Ordinal);
        var refus = await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Action == "Refus").ToListAsync());
        Assert.Equal(2, refus.Count);
        Assert.All(refus, e => Assert.Equal((patient, "PlanSortie", plan.ToString(CultureInfo.InvariantCulture)), (e.PatientId!.Value, e.Ressource, e.RessourceId)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_of_the_team_sees_the_plan_in_his_list_and_every_read_is_audited_with_the_patient(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, patient) = await s.OuvrirPlanAsync("2026-11-27");
        await s.OuvrirPlanAsync("2026-11-28", "AUTRE", "Paul");
        await s.AjouterAEquipeAsync(patient, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);

        var liste = await infirmiere.PageAsync("/parcours/sorties");
        await infirmiere.PageAsync($"/parcours/sorties/{plan}");
        await infirmiere.PageAsync($"/parcours/sorties/{plan}");

        Assert.Contains("FICTIF Jeanne", liste, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTRE Paul", liste, StringComparison.Ordinal);
        var lectures = await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "PlanSortie" && e.Action == "Lecture").ToListAsync());
        Assert.Equal(2, lectures.Count);
        Assert.All(lectures, e => Assert.Equal((patient, plan.ToString(CultureInfo.InvariantCulture)), (e.PatientId!.Value, e.RessourceId)));
        Assert.All(lectures, e => Assert.StartsWith("professionnel", e.Utilisateur, StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_team_member_ticks_an_item_with_htmx_then_unticks_it(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, patient) = await s.OuvrirPlanAsync("2026-11-27");
        await s.AjouterAEquipeAsync(patient, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var element = await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.PlanSortieId == plan && e.Libelle == "Transmissions infirmières").Select(e => e.Id).SingleAsync());
        var url = $"/parcours/sorties/{plan}";
        var id = element.ToString(CultureInfo.InvariantCulture);

        var coche = await infirmiere.PosterHtmxAsync(url, url + "?handler=Cocher", new Dictionary<string, string> { ["elementId"] = id, ["fait"] = "true" });
        var fragment = System.Net.WebUtility.HtmlDecode(await coche.Content.ReadAsStringAsync());
        var apres = await s.App.AvecDbAsync(db => db.ElementsSortie.SingleAsync(e => e.Id == element));
        await infirmiere.PosterHtmxAsync(url, url + "?handler=Cocher", new Dictionary<string, string> { ["elementId"] = id, ["fait"] = "false" });

        Assert.Equal(HttpStatusCode.OK, coche.StatusCode);
        Assert.StartsWith("<section id=\"checklist\"", fragment.Trim(), StringComparison.Ordinal);
        Assert.Contains("fait le 23/11/2026 10:00 par Professionnel", fragment, StringComparison.Ordinal);
        Assert.Equal(s.App.Horloge.GetUtcNow().UtcDateTime, apres.FaitLeUtc);
        Assert.Null(await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.Id == element).Select(e => e.FaitLeUtc).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_item_owner_can_be_a_professional_of_the_team_only(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, patient) = await s.OuvrirPlanAsync("2026-11-27");
        await s.AjouterAEquipeAsync(patient, s.Infirmiere);
        var hopital = await s.HopitalAsync();
        var element = await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.PlanSortieId == plan).OrderBy(e => e.Ordre).Select(e => e.Id).FirstAsync());
        var url = $"/parcours/sorties/{plan}";
        Dictionary<string, string> Champs(int pro) => new()
        {
            ["elementId"] = element.ToString(CultureInfo.InvariantCulture),
            ["responsableProfessionnelId"] = pro.ToString(CultureInfo.InvariantCulture),
            ["echeance"] = "2026-11-26",
        };

        var horsEquipe = await hopital.PosterHtmxAsync(url, url + "?handler=Element", Champs(s.HorsEquipe));
        var membre = await hopital.PosterHtmxAsync(url, url + "?handler=Element", Champs(s.Infirmiere));

        Assert.Contains("ne fait pas partie de l'équipe", System.Net.WebUtility.HtmlDecode(await horsEquipe.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Élément enregistré.", System.Net.WebUtility.HtmlDecode(await membre.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var e = await s.App.AvecDbAsync(db => db.ElementsSortie.SingleAsync(x => x.Id == element));
        Assert.Equal((s.Infirmiere, "Inès SOIGNANTE", new DateOnly(2026, 11, 26)), (e.ResponsableProfessionnelId!.Value, e.Responsable, e.Echeance!.Value));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_hospital_records_the_discharge_and_closes_the_plan_from_D7_with_its_outcome(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, _) = await s.OuvrirPlanAsync("2026-11-23");
        var hopital = await s.HopitalAsync();
        var url = $"/parcours/sorties/{plan}";

        var sortie = await hopital.PosterFormulaireAsync(url, new Dictionary<string, string> { ["DateSortieEffective"] = "2026-11-23" }, url + "?handler=Sortie");
        var tropTot = await hopital.PosterFormulaireAsync(url, new Dictionary<string, string> { ["Readmission30Jours"] = "false", ["Bilan"] = "RAS" }, url + "?handler=Cloture");
        s.App.Horloge.Advance(TimeSpan.FromDays(7));
        // A week later the session has expired: the hospital's team signs in again.
        hopital = await s.HopitalAsync();
        var sansResultat = await hopital.PosterFormulaireAsync(url, new Dictionary<string, string> { ["Bilan"] = "Retour à domicile serein" }, url + "?handler=Cloture");
        var cloture = await hopital.PosterFormulaireAsync(url, new Dictionary<string, string> { ["Readmission30Jours"] = "false", ["Bilan"] = "Retour à domicile serein" }, url + "?handler=Cloture");

        Assert.Equal(HttpStatusCode.Redirect, sortie.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tropTot.StatusCode);
        Assert.Contains("à partir du 30/11/2026", System.Net.WebUtility.HtmlDecode(await tropTot.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sansResultat.StatusCode);
        Assert.Contains("Retour à domicile serein", System.Net.WebUtility.HtmlDecode(await sansResultat.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cloture.StatusCode);
        var p = await s.App.AvecDbAsync(db => db.PlansSortie.SingleAsync());
        Assert.Equal((StatutsPlanSortie.Clos, new DateOnly(2026, 11, 23), false, "Retour à domicile serein"),
            (p.Statut, p.DateSortieEffective!.Value, p.Readmission30Jours!.Value, p.Bilan));
        Assert.Contains("réhospitalisation dans les 30 jours non", (await hopital.PageAsync(url)).Replace("<strong>", "", StringComparison.Ordinal).Replace("</strong>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_of_the_team_cannot_cancel_the_plan(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, patient) = await s.OuvrirPlanAsync("2026-11-27");
        await s.AjouterAEquipeAsync(patient, s.Medecin);
        var medecin = await s.ProAsync(s.Medecin);
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);
        var url = $"/parcours/sorties/{plan}";

        var refus = await medecin.PosterFormulaireAsync(url, new Dictionary<string, string>(), url + "?handler=Annuler");
        var annulation = await coordination.PosterFormulaireAsync(url, new Dictionary<string, string>(), url + "?handler=Annuler");

        Assert.Equal(HttpStatusCode.Forbidden, refus.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, annulation.StatusCode);
        Assert.Equal(StatutsPlanSortie.Annule, await s.App.AvecDbAsync(db => db.PlansSortie.Select(p => p.Statut).SingleAsync()));
    }
}
