using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;

namespace OpenCpts.Tests.Features.Comptes;

public class RattachementTests
{
    private static Task<HttpResponseMessage> RattacherAsync(HttpClient coordination, string email) =>
        coordination.PosterFormulaireAsync("/administration/securite", new Dictionary<string, string> { ["emailRattachement"] = email },
            action: "/administration/securite?handler=Rattacher");

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_attaches_a_member_of_another_CPTS_who_then_acts_in_both_with_one_account(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var bourges = await app.CreerCptsNommeeAsync("CPTS de Bourges");
        var vierzon = await app.CreerCptsNommeeAsync("CPTS de Vierzon");
        var infirmiere = await app.CreerUtilisateurAsync(Roles.Professionnel);
        var coordinationVierzon = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Coordination, cpts: vierzon.Id)).Email!);
        var avant = await coordinationVierzon.PageAsync("/administration/securite");

        var reponse = await RattacherAsync(coordinationVierzon, infirmiere.Email!.ToUpperInvariant());
        var apres = await coordinationVierzon.PageAsync("/administration/securite");
        var choix = await (await app.ConnecterAsync(infirmiere.Email!)).PageAsync("/compte/cpts");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.DoesNotContain(infirmiere.Email!, avant, StringComparison.Ordinal);
        Assert.Contains(infirmiere.Email!, apres, StringComparison.Ordinal);
        Assert.Contains("CPTS de Bourges", choix, StringComparison.Ordinal);
        Assert.Contains("CPTS de Vierzon", choix, StringComparison.Ordinal);
        var trace = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync(e => e.Action == "Rattachement" && e.RessourceId == infirmiere.Id));
        Assert.Equal(vierzon.Id, trace.CptsId);
        Assert.Equal([bourges.Id, vierzon.Id], await app.AvecDbAsync(db => db.Set<RattachementCpts>()
            .Where(r => r.UtilisateurId == infirmiere.Id).OrderBy(r => r.CptsId).Select(r => r.CptsId).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Attaching_an_unknown_address_says_so_and_attaching_twice_changes_nothing(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync();
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var membre = await app.CreerUtilisateurAsync(Roles.Professionnel);

        var inconnu = await RattacherAsync(coordination, "personne@test.invalid");
        var deja = await RattacherAsync(coordination, membre.Email!);

        Assert.Equal(HttpStatusCode.OK, inconnu.StatusCode);
        Assert.Contains("Aucun compte n&#x27;a cette adresse", await inconnu.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deja.StatusCode);
        Assert.Equal(1, await app.AvecDbAsync(db => db.Set<RattachementCpts>().CountAsync(r => r.UtilisateurId == membre.Id)));
        Assert.False(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Rattachement")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_account_attached_to_no_CPTS_sees_no_CPTS_data(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var regulation = await app.ClientConnecteAsync(Roles.Regulation);
        var orphelin = await app.CreerUtilisateurAsync(Roles.Regulation);
        await app.AvecDbAsync(async db =>
        {
            db.Set<RattachementCpts>().RemoveRange(db.Set<RattachementCpts>().Where(r => r.UtilisateurId == orphelin.Id));
            db.DemandesSnp.Add(new() { NomPatient = "QUIDAMFICTIF", PrenomPatient = "Léa", DateNaissance = new DateOnly(1990, 1, 1), Motif = "Fièvre", CreeLeUtc = app.Horloge.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

        var siennes = await regulation.PageAsync("/snp/regulation");
        var aucune = await (await app.ConnecterAsync(orphelin.Email!)).PageAsync("/snp/regulation");

        Assert.Contains("QUIDAMFICTIF", siennes, StringComparison.Ordinal);
        Assert.DoesNotContain("QUIDAMFICTIF", aucune, StringComparison.Ordinal);
    }
}
