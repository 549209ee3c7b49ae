using Microsoft.EntityFrameworkCore;

namespace OpenCpts.Tests.Infrastructure.Donnees;

public class MigrationsTests
{
    // The two migration sets (SQLite, PostgreSQL) must each describe the whole model: a change to an entity without
    // `scripts/add-migration.sh NAME` fails here, on the provider it was forgotten for.
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_migrations_of_each_provider_cover_the_whole_model(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var enAttente = await app.AvecDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        var appliquees = await app.AvecDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());

        Assert.False(enAttente, $"Model changes without a migration on {fournisseur}: run scripts/add-migration.sh NAME");
        Assert.Empty(appliquees);
    }
}
