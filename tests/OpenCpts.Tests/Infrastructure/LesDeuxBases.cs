namespace OpenCpts.Tests.Infrastructure;

/// <summary>The database providers every database test runs on.</summary>
public enum Fournisseur
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Theory data that runs a test once on SQLite and once on PostgreSQL:
/// <c>[Theory, ClassData(typeof(LesDeuxBases))]</c> with a <see cref="Fournisseur"/> parameter.
/// </summary>
public sealed class LesDeuxBases : TheoryData<Fournisseur>
{
    public LesDeuxBases()
    {
        Add(Fournisseur.Sqlite);
        Add(Fournisseur.Postgres);
    }
}
