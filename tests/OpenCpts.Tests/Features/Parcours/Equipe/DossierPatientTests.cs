using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Equipe;

public class DossierPatientTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_outside_the_team_gets_404_on_the_patient_file_and_the_attempt_is_logged(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var intrus = await s.ProAsync(s.HorsEquipe);

        var reponse = await intrus.GetAsync($"/parcours/patients/{patient}");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.DoesNotContain("EXEMPLE", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entree = await s.App.AvecDbAsync(db => db.EntreesAudit.SingleAsync(e => e.Ressource != "Connexion"));
        Assert.Equal(("Refus", "DossierPatient", patient), (entree.Action, entree.Ressource, entree.PatientId!.Value));
        Assert.StartsWith("professionnel", entree.Utilisateur, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_team_member_sees_the_file_and_every_read_of_the_thread_is_logged(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere, s.Medecin);
        var infirmiere = await s.ProAsync(s.Infirmiere);

        var page = await infirmiere.PageAsync($"/parcours/patients/{patient}");
        await infirmiere.PageAsync($"/parcours/patients/{patient}");

        Assert.Contains("EXEMPLE Gaston", page, StringComparison.Ordinal);
        Assert.Contains("Dr Marc GENERALISTE", page, StringComparison.Ordinal);
        Assert.Contains("Infirmier", page, StringComparison.Ordinal);
        var fil = await s.App.AvecDbAsync(db => db.EntreesAudit.Where(e => e.Ressource == "FilEquipe").ToListAsync());
        Assert.Equal(2, fil.Count);
        Assert.All(fil, e => Assert.Equal(("Lecture", patient, patient.ToString(CultureInfo.InvariantCulture)), (e.Action, e.PatientId!.Value, e.RessourceId)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_account_of_a_structure_in_the_team_and_the_coordination_see_the_file_but_not_the_bureau(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (_, patient) = await s.OuvrirPlanAsync("2026-11-27");

        var hopital = await (await s.HopitalAsync()).GetAsync($"/parcours/patients/{patient}");
        var autre = await (await s.AutreHopitalAsync()).GetAsync($"/parcours/patients/{patient}");
        var coordination = await (await s.App.ClientConnecteAsync(Roles.Coordination)).GetAsync($"/parcours/patients/{patient}");
        var bureau = await (await s.App.ClientConnecteAsync(Roles.Bureau)).GetAsync($"/parcours/patients/{patient}");

        Assert.Equal(HttpStatusCode.OK, hopital.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, autre.StatusCode);
        Assert.Equal(HttpStatusCode.OK, coordination.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bureau.StatusCode);
        Assert.Contains("Sortie du 27/11/2026", System.Net.WebUtility.HtmlDecode(await hopital.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Consent_is_recorded_with_its_date_and_who_recorded_it_once_the_box_is_ticked(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: false, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var url = $"/parcours/patients/{patient}";

        var sansCase = await infirmiere.PosterFormulaireAsync(url, new Dictionary<string, string>(), url + "?handler=Consentement");
        s.App.Horloge.Advance(TimeSpan.FromMinutes(30));
        var avecCase = await infirmiere.PosterFormulaireAsync(url, new Dictionary<string, string> { ["accord"] = "true" }, url + "?handler=Consentement");

        Assert.Equal(HttpStatusCode.BadRequest, sansCase.StatusCode);
        Assert.Contains("Cochez la case", System.Net.WebUtility.HtmlDecode(await sansCase.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, avecCase.StatusCode);
        var p = await s.App.AvecDbAsync(db => db.PatientsParcours.SingleAsync());
        Assert.Equal(s.App.Horloge.GetUtcNow().UtcDateTime, p.ConsentementLeUtc);
        Assert.StartsWith("professionnel", p.ConsentementRecueilliPar, StringComparison.Ordinal);
        Assert.Contains("recueilli le 23/11/2026 10:30 par professionnel", await infirmiere.PageAsync(url), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_team_member_adds_a_professional_found_in_the_directory_and_only_the_coordination_removes_one(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var patient = await s.PatientAsync(consentement: true, s.Infirmiere);
        var infirmiere = await s.ProAsync(s.Infirmiere);
        var url = $"/parcours/patients/{patient}";

        var recherche = await infirmiere.PageAsync(url + "?q=generaliste");
        var ajout = await infirmiere.PosterFormulaireAsync(url, new Dictionary<string, string>
        {
            ["professionnelId"] = s.Medecin.ToString(CultureInfo.InvariantCulture),
            ["role"] = "Médecin traitant",
        }, url + "?handler=AjouterMembre");
        var membre = await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.ProfessionnelId == s.Medecin).Select(m => m.Id).SingleAsync());
        var retraitRefuse = await infirmiere.PosterFormulaireAsync(url, new Dictionary<string, string> { ["membreId"] = membre.ToString(CultureInfo.InvariantCulture) }, url + "?handler=RetirerMembre");
        var coordination = await s.App.ClientConnecteAsync(Roles.Coordination);
        var retrait = await coordination.PosterFormulaireAsync(url, new Dictionary<string, string> { ["membreId"] = membre.ToString(CultureInfo.InvariantCulture) }, url + "?handler=RetirerMembre");

        Assert.Contains("Dr Marc GENERALISTE", recherche, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retraitRefuse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retrait.StatusCode);
        Assert.Equal([s.Infirmiere], await s.App.AvecDbAsync(db => db.MembresEquipe.Where(m => m.RetireLeUtc == null).Select(m => m.ProfessionnelId!.Value).ToListAsync()));
        Assert.Equal(2, await s.App.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Ressource == "EquipeSoins" && e.PatientId == patient)));
    }
}
