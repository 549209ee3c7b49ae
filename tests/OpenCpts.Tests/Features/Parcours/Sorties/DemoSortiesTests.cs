using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Parcours.Sorties;

namespace OpenCpts.Tests.Features.Parcours.Sorties;

public class DemoSortiesTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_hospital_has_discharge_plans_in_every_state_and_one_at_risk(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var statuts = await app.AvecDbAsync(db => db.PlansSortie.Select(p => p.Statut).ToListAsync());
        var hopital = await app.ConnecterAsync("hopital@demo.opencpts.fr", SeedDemo.MotDePasse);
        var liste = await hopital.PageAsync("/parcours/sorties?statut=tous");
        var infirmiere = await app.ConnecterAsync("ide@demo.opencpts.fr", SeedDemo.MotDePasse);
        var odette = await app.AvecDbAsync(db => db.PatientsParcours.Where(p => p.Nom == "BERNARDIN").Select(p => p.Id).SingleAsync());
        var dossier = await infirmiere.GetAsync($"/parcours/patients/{odette}");
        var piece = await app.AvecDbAsync(db => db.PiecesJointes.Select(p => p.Id).SingleAsync());
        var pdf = await infirmiere.GetByteArrayAsync($"/parcours/patients/{odette}/pieces/{piece}");

        Assert.Equal(5, statuts.Count);
        Assert.Equal(StatutsPlanSortie.Tous.Order(StringComparer.Ordinal), statuts.Distinct().Order(StringComparer.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(liste, "badge text-bg-danger ms-1\">À risque"));
        Assert.Equal(HttpStatusCode.OK, dossier.StatusCode);
        Assert.Equal(4, await app.AvecDbAsync(db => db.MessagesEquipe.CountAsync(m => m.PatientParcoursId == odette)));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf), StringComparison.Ordinal);
    }
}
