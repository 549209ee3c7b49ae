using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Taches;

namespace OpenCpts.Tests.Features.Parcours.Sorties;

/// <summary>
/// The 48-hour alert. The plans are for Thursday 2026-11-26, whose day starts at 2026-11-25 23:00 UTC (midnight in
/// Paris): 48 hours before is 2026-11-23 23:00 UTC, 14 hours after the harness's clock (09:00 UTC).
/// </summary>
public class AlertesSortieTests
{
    private const string Jeudi = "2026-11-26";

    private static Task<int> AlerterAsync(OpenCptsApp app) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerAlertesSortie>().ExecuteAsync());

    private static Task<List<MessageSortant>> CourrielsAsync(OpenCptsApp app) =>
        app.AvecDbAsync(db => db.MessagesSortants.OrderBy(m => m.Destinataire).ToListAsync());

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task No_alert_is_sent_48_hours_and_one_minute_before_the_planned_day(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await s.OuvrirPlanAsync(Jeudi);

        s.App.Horloge.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        var alertes = await AlerterAsync(s.App);

        Assert.Equal(0, alertes);
        Assert.Empty(await CourrielsAsync(s.App));
        Assert.Null(await s.App.AvecDbAsync(db => db.PlansSortie.Select(p => p.AlerteEnvoyeeLeUtc).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Exactly_48_hours_before_one_email_goes_to_the_hospital_contact_and_one_to_the_cpts_listing_the_missing_items(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, _) = await s.OuvrirPlanAsync(Jeudi);
        await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.PlanSortieId == plan && e.Libelle.StartsWith("Pharmacie"))
            .ExecuteUpdateAsync(x => x.SetProperty(e => e.FaitLeUtc, s.App.Horloge.GetUtcNow().UtcDateTime)));

        s.App.Horloge.Advance(TimeSpan.FromHours(14));
        var alertes = await AlerterAsync(s.App);

        Assert.Equal(1, alertes);
        var courriels = await CourrielsAsync(s.App);
        Assert.Equal(["cadre.cardio@hopital-test.invalid", "contact@cpts-test.invalid"], courriels.Select(c => c.Destinataire));
        Assert.All(courriels, c =>
        {
            Assert.Equal(CanauxMessage.Email, c.Canal);
            Assert.Contains("Lettre de liaison envoyée au médecin traitant", c.Texte, StringComparison.Ordinal);
            Assert.Contains("Matériel au domicile", c.Texte, StringComparison.Ordinal);
            // Done, or due after the discharge: not missing.
            Assert.DoesNotContain("Pharmacie informée", c.Texte, StringComparison.Ordinal);
            Assert.DoesNotContain("Appel de suivi", c.Texte, StringComparison.Ordinal);
            // Initials only: the name stays on the platform.
            Assert.DoesNotContain("FICTIF", c.Texte, StringComparison.Ordinal);
            Assert.Contains("/parcours/sorties/" + plan, c.Texte, StringComparison.Ordinal);
        });
        Assert.Equal(s.App.Horloge.GetUtcNow().UtcDateTime, await s.App.AvecDbAsync(db => db.PlansSortie.Select(p => p.AlerteEnvoyeeLeUtc).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task No_alert_when_every_item_due_by_the_discharge_is_done(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (plan, _) = await s.OuvrirPlanAsync(Jeudi);
        var jour = new DateOnly(2026, 11, 26);
        await s.App.AvecDbAsync(db => db.ElementsSortie.Where(e => e.PlanSortieId == plan && e.Echeance <= jour)
            .ExecuteUpdateAsync(x => x.SetProperty(e => e.FaitLeUtc, s.App.Horloge.GetUtcNow().UtcDateTime)));

        s.App.Horloge.Advance(TimeSpan.FromHours(20));
        var alertes = await AlerterAsync(s.App);

        Assert.Equal(0, alertes);
        Assert.Empty(await CourrielsAsync(s.App));
        Assert.Equal(2, await s.App.AvecDbAsync(db => db.ElementsSortie.CountAsync(e => e.PlanSortieId == plan && e.FaitLeUtc == null)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_alert_is_sent_once_only_even_by_two_runs_at_once(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await s.OuvrirPlanAsync(Jeudi);
        s.App.Horloge.Advance(TimeSpan.FromHours(15));

        var simultanees = await Task.WhenAll(AlerterAsync(s.App), AlerterAsync(s.App));
        s.App.Horloge.Advance(TimeSpan.FromMinutes(15));
        var suivante = await AlerterAsync(s.App);

        Assert.Equal(1, simultanees.Sum());
        Assert.Equal(0, suivante);
        Assert.Equal(2, (await CourrielsAsync(s.App)).Count);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_a_cpts_address_the_alert_goes_to_every_coordination_account(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        await s.App.AvecDbAsync(db => db.Cpts.ExecuteUpdateAsync(x => x.SetProperty(c => c.Email, (string?)null)));
        var coordination = await s.App.CreerUtilisateurAsync(Roles.Coordination);
        await s.OuvrirPlanAsync(Jeudi);
        s.App.Horloge.Advance(TimeSpan.FromHours(15));

        await AlerterAsync(s.App);

        var destinataires = (await CourrielsAsync(s.App)).Select(c => c.Destinataire).ToList();
        Assert.Contains(coordination.Email!, destinataires);
        Assert.Contains("cadre.cardio@hopital-test.invalid", destinataires);
        // The API caller of OuvrirPlanAsync is a Coordination account too.
        Assert.Equal(3, destinataires.Count);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_plan_at_risk_is_flagged_on_its_page_and_in_the_list(Fournisseur fournisseur)
    {
        var s = await SceneParcours.DemarrerAsync(fournisseur);
        await using var _ = s.App;
        var (risque, _) = await s.OuvrirPlanAsync(Jeudi);
        var (tranquille, _) = await s.OuvrirPlanAsync("2026-12-10", "SEREIN", "Paul");
        s.App.Horloge.Advance(TimeSpan.FromHours(15));
        await AlerterAsync(s.App);
        var hopital = await s.HopitalAsync();

        var page = await hopital.PageAsync($"/parcours/sorties/{risque}");
        var autre = await hopital.PageAsync($"/parcours/sorties/{tranquille}");
        var liste = await hopital.PageAsync("/parcours/sorties");

        Assert.Contains("Sortie à risque", page, StringComparison.Ordinal);
        Assert.Contains("Alerte envoyée au contact de l'établissement et à la CPTS le 24/11/2026 01:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("À risque", autre, StringComparison.Ordinal);
        var ligneRisque = liste[liste.IndexOf($"data-plan=\"{risque}\"", StringComparison.Ordinal)..];
        Assert.Contains("À risque", ligneRisque[..ligneRisque.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var ligneTranquille = liste[liste.IndexOf($"data-plan=\"{tranquille}\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("À risque", ligneTranquille[..ligneTranquille.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_background_alerts_are_off_in_the_test_environment()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite);

        Assert.False(app.Services.GetServices<IHostedService>().OfType<AlertesSortie>().Single().Active);
    }

    [Fact]
    public async Task When_asked_the_background_loop_sends_the_due_alerts_every_15_minutes()
    {
        var s = await SceneParcours.DemarrerAsync(Fournisseur.Sqlite, x => x.Configure<OptionsTaches>(t => t["AlertesSortie"] = new OptionsTache { Active = true }));
        await using var _ = s.App;
        await s.OuvrirPlanAsync("2026-11-24");

        s.App.Horloge.Advance(TimeSpan.FromMinutes(15));

        var n = 0;
        for (var essai = 0; essai < 100 && n < 2; essai++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            n = await s.App.AvecDbAsync(db => db.MessagesSortants.CountAsync());
        }
        Assert.Equal(2, n);
    }
}
