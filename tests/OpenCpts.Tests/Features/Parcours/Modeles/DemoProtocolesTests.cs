using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Parcours.Protocoles;

namespace OpenCpts.Tests.Features.Parcours.Modeles;

public class DemoProtocolesTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_demo_has_five_protocols_four_pathways_and_a_patient_with_a_done_step_and_an_overdue_one(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);

        var protocoles = await app.AvecDbAsync(db => db.Protocoles.AsNoTracking().Include(p => p.Versions).Include(p => p.Documents).ToListAsync());
        Assert.Equal(5, protocoles.Count);
        Assert.Equal(4, protocoles.Count(p => p.Statut == StatutsProtocole.Valide));
        Assert.Equal(1, protocoles.Count(p => p.Statut == StatutsProtocole.Brouillon));
        Assert.All(protocoles, p => Assert.Equal(p.VersionCourante, p.Versions.Max(v => v.Numero)));
        Assert.Equal(1, protocoles.Sum(p => p.Documents.Count));
        Assert.Equal(4, await app.AvecDbAsync(db => db.ModelesParcours.CountAsync()));

        var coordination = await app.ConnecterAsync("coordination@demo.opencpts.fr", SeedDemo.MotDePasse);
        var enRetard = await coordination.PageAsync("/parcours/taches-en-retard");
        Assert.Contains("FOURNIER Lucienne", enRetard, StringComparison.Ordinal);
        Assert.Contains("Consultation du médecin traitant après la sortie", enRetard, StringComparison.Ordinal);
        Assert.DoesNotContain("Visite infirmière à domicile", enRetard, StringComparison.Ordinal);
        var cardiaque = protocoles.Single(p => p.Pathologie == "Insuffisance cardiaque");
        var fiche = await coordination.PageAsync($"/parcours/protocoles/{cardiaque.Id}?version=1");
        Assert.Contains("Vous consultez la version 1", fiche, StringComparison.Ordinal);
        Assert.Contains("<table class=\"table table-sm table-bordered\">", await coordination.PageAsync($"/parcours/protocoles/{cardiaque.Id}"), StringComparison.Ordinal);
        var document = cardiaque.Documents.Single();
        var pdf = await coordination.GetByteArrayAsync($"/parcours/protocoles/{cardiaque.Id}/documents/{document.Id}");
        Assert.Equal("application/pdf", OpenCpts.Web.Infrastructure.Fichiers.FichiersAcceptes.TypeReconnu(pdf));

        var infirmiere = await app.ConnecterAsync("ide@demo.opencpts.fr", SeedDemo.MotDePasse);
        var sesTaches = await infirmiere.PageAsync("/parcours/mes-taches");
        Assert.Contains("Éducation thérapeutique", sesTaches, StringComparison.Ordinal);
        Assert.DoesNotContain("Visite infirmière à domicile", sesTaches, StringComparison.Ordinal);
    }
}
