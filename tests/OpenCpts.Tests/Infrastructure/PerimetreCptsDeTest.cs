using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// Test-only: when a test arranges data with every CPTS open (<see cref="OpenCptsApp.AvecDbAsync{T}"/>), a new
/// CPTS-owned record that names no CPTS gets the test's CPTS (its first, created on first need: see
/// <see cref="CptsDeTest"/>), so that arrangements stay short. Production refuses such a record
/// (<see cref="PerimetreCpts"/>); tests of several CPTS name the CPTS of each record.
/// </summary>
public sealed class PerimetreCptsDeTest : PerimetreCpts
{
    public override int? CptsPourNouvelEnregistrement(OpenCptsDb db) =>
        CptsId ?? (Toutes ? CptsDeTest.Assurer(db) : null);
}

/// <summary>
/// The test's CPTS: the first of its database. A test that never creates one gets one, without territory, the first
/// time it needs one (an account, a CPTS-owned record); its accounts are attached to it.
/// </summary>
public static class CptsDeTest
{
    public const string Nom = "CPTS de test";

    /// <summary>Synchronous (called while saving): plain SQL on the context's connection, valid on both providers.</summary>
    public static int Assurer(OpenCptsDb db)
    {
        if (db.Cpts.AsNoTracking().OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault() is { } id)
        {
            return id;
        }
        var maintenant = DateTime.SpecifyKind(new DateTime(2026, 11, 23, 9, 0, 0), DateTimeKind.Utc);
        db.Database.ExecuteSql($"""INSERT INTO "Cpts" ("Nom", "CreeLeUtc") VALUES ({Nom}, {maintenant})""");
        id = db.Cpts.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).First();
        db.Database.ExecuteSql($"""
            INSERT INTO "RattachementsCpts" ("UtilisateurId", "CptsId", "RattacheLeUtc")
            SELECT "Id", {id}, {maintenant} FROM "AspNetUsers"
            """);
        return id;
    }

    /// <summary>True for a CPTS the harness made on first need (no territory yet): the test's own CreerCptsAsync
    /// completes it rather than adding a second one.</summary>
    public static Task<Cpts?> AutomatiqueAsync(OpenCptsDb db) =>
        db.Cpts.Where(c => c.Nom == Nom && c.Finess == null && !c.Communes.Any() && db.Cpts.Count() == 1).FirstOrDefaultAsync();
}
