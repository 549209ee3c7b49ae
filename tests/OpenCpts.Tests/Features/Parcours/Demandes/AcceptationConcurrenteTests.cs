using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Parcours.Demandes;

public class AcceptationConcurrenteTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Of_twenty_members_accepting_at_once_exactly_one_wins(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync([.. Enumerable.Range(0, 20).Select(i =>
            new ProfessionnelBuilder("INF" + (char)('A' + i), "Anne").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id))]);
        var coordination = await app.ClientApiAsync(Roles.Coordination);
        var id = await coordination.PosterAsync();
        var clients = new List<HttpClient>();
        foreach (var pro in ids)
        {
            clients.Add(await app.ClientApiAsync(Roles.Professionnel, pro));
        }

        using var depart = new SemaphoreSlim(0);
        var taches = clients.Select(async c =>
        {
            await depart.WaitAsync();
            return (await c.PostAsync($"/api/parcours/demandes/{id}/acceptation", null)).StatusCode;
        }).ToList();
        depart.Release(clients.Count);
        var codes = await Task.WhenAll(taches);

        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(19, codes.Count(c => c == HttpStatusCode.Conflict));
        var gagnant = await app.AvecDbAsync(db => db.DemandesPriseEnCharge.Select(d => d.AccepteeParProfessionnelId).SingleAsync());
        Assert.Contains(gagnant!.Value, ids);
        Assert.Equal(1, await app.AvecDbAsync(db => db.MembresEquipe.CountAsync(m => m.ProfessionnelId != null)));
    }
}
