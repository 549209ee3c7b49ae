using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Parcours.Demandes;

namespace OpenCpts.Tests.Features.Parcours.Demandes;

public class EscaladeTests
{
    private static Task<int> EscaladerAsync(OpenCptsApp app) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<EscaladerDemandesPec>().ExecuteAsync());

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_open_request_is_escalated_to_the_coordination_once_the_cpts_delay_has_passed(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        await app.AvecServicesAsync(sp => sp.GetRequiredService<ParametrerParcours>().DefinirDelaiEscaladeAsync(cpts.Id, 6));
        await app.CreerUtilisateurAsync(Roles.Coordination, u => u.Email = u.UserName = "coordination.escalade@test.invalid");
        var demandeur = await app.ClientApiAsync(Roles.Regulation);
        var id = await demandeur.PosterAsync();

        app.Horloge.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(1));
        var avant = await EscaladerAsync(app);
        app.Horloge.Advance(TimeSpan.FromMinutes(1));
        var aLHeure = await EscaladerAsync(app);
        var ensuite = await EscaladerAsync(app);

        Assert.Equal((0, 1, 0), (avant, aLHeure, ensuite));
        var demande = await app.AvecDbAsync(db => db.DemandesPriseEnCharge.SingleAsync(d => d.Id == id));
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, demande.EscaladeeLeUtc);
        var message = await app.AvecDbAsync(db => db.MessagesSortants.SingleAsync(m => m.Destinataire == "coordination.escalade@test.invalid"));
        Assert.Contains($"n° {id}", message.Texte, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_escalation_mail_goes_to_the_coordinators_of_the_request_s_CPTS_only(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var autre = await app.CreerCptsNommeeAsync("CPTS voisine", "18205");
        await app.CreerUtilisateurAsync(Roles.Coordination, u => u.Email = u.UserName = "coordination.ici@test.invalid");
        await app.CreerUtilisateurAsync(Roles.Coordination, u => u.Email = u.UserName = "coordination.voisine@test.invalid", cpts: autre.Id);
        await app.CreerUtilisateurAsync(Roles.Coordination, u => (u.Email, u.UserName, u.DesactiveLeUtc) =
            ("coordination.partie@test.invalid", "coordination.partie@test.invalid", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)));
        var id = await (await app.ClientApiAsync(Roles.Regulation)).PosterAsync();
        app.Horloge.Advance(TimeSpan.FromDays(3));

        await EscaladerAsync(app);

        var destinataires = await app.AvecDbAsync(db => db.MessagesSortants.Where(m => m.Texte.Contains($"n° {id}")).Select(m => m.Destinataire).ToListAsync());
        Assert.Equal(["coordination.ici@test.invalid"], destinataires);
        Assert.Equal(cpts.Id, await app.AvecDbAsync(db => db.DemandesPriseEnCharge.Where(d => d.Id == id).Select(d => d.CptsId).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_accepted_request_is_never_escalated(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("INFA", "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        var id = await (await app.ClientApiAsync(Roles.Regulation)).PosterAsync();
        await (await app.ClientApiAsync(Roles.Professionnel, ids[0])).PostAsync($"/api/parcours/demandes/{id}/acceptation", null);

        app.Horloge.Advance(TimeSpan.FromDays(3));

        Assert.Equal(0, await EscaladerAsync(app));
    }
}
