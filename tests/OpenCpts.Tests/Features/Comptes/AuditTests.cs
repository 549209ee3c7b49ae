using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Tests.Features.Comptes;

public class AuditTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_access_is_written_to_the_journal_with_its_time(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        await app.AvecServicesAsync(async sp => { await sp.GetRequiredService<JournalAudit>().LectureAsync("ReservationSnp", "42"); return 0; });

        var entree = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync());
        Assert.Equal(("Lecture", "ReservationSnp", "42", "(système)"), (entree.Action, entree.Ressource, entree.RessourceId, entree.Utilisateur));
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime, entree.HorodatageUtc);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_filters_and_exports_the_journal(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AvecDbAsync(async db =>
        {
            db.EntreesAudit.AddRange(
                new EntreeAudit { HorodatageUtc = app.Horloge.GetUtcNow().UtcDateTime, Utilisateur = "regulation1@test.invalid", Action = "Lecture", Ressource = "ReservationSnp", RessourceId = "7" },
                new EntreeAudit { HorodatageUtc = app.Horloge.GetUtcNow().UtcDateTime, Utilisateur = "coordination9@test.invalid", Action = "Lecture", Ressource = "DemandeSnp", RessourceId = "8" });
            await db.SaveChangesAsync();
        });
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var page = await client.GetStringAsync("/administration/audit?utilisateur=REGULATION1");
        var csv = await client.GetStringAsync("/administration/audit?handler=Csv&ressource=DemandeSnp");

        Assert.Contains("regulation1@test.invalid", page);
        Assert.DoesNotContain("coordination9@test.invalid", page);
        Assert.Contains("23/11/2026 10:00;coordination9@test.invalid;Lecture;DemandeSnp;8", csv);
        Assert.DoesNotContain("regulation1", csv);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Only_the_coordination_reads_the_journal(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        foreach (var role in new[] { Roles.Regulation, Roles.Professionnel, Roles.Bureau, Roles.LectureInstitutionnelle })
        {
            var client = await app.ClientConnecteAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/administration/audit")).StatusCode);
        }
    }
}
