using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenCpts.Web.Infrastructure.Data;

/// <summary>Which database the platform runs on: <c>OpenCpts:Database:Provider</c> + <c>ConnectionStrings:OpenCpts</c>.</summary>
public sealed class OptionsBaseDeDonnees
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;
    /// <summary>Apply migrations at start-up (on by default for SQLite, the demo; use <c>-- migrate</c> in production).</summary>
    public bool? MigrerAuDemarrage { get; set; }
}

public static class Donnees
{
    public const string DefaultSqlite = "Data Source=data/opencpts.db";

    private const string Section = "OpenCpts:Database";

    public static IServiceCollection AddDonnees(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsValidees<OptionsBaseDeDonnees>(Section);
        // The provider decides which context is registered: read now, once, from the same section.
        var options = configuration.GetSection(Section).Get<OptionsBaseDeDonnees>() ?? new();
        var chaine = configuration.GetConnectionString("OpenCpts");
        if (string.Equals(options.Provider, OptionsBaseDeDonnees.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(chaine))
            {
                throw new InvalidOperationException("ConnectionStrings:OpenCpts est obligatoire avec le fournisseur Postgres.");
            }
            // Pooled: the SAS and API endpoints are small, frequent requests where building a context showed up in profiles.
            services.AddPooledDbContextFactory<PostgresOpenCptsDb>(o => o.UseNpgsql(chaine));
            services.AddContexteDuScope<PostgresOpenCptsDb>();
        }
        else if (string.Equals(options.Provider, OptionsBaseDeDonnees.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            chaine = string.IsNullOrWhiteSpace(chaine) ? DefaultSqlite : chaine;
            CreerDossierSqlite(chaine);
            services.AddPooledDbContextFactory<SqliteOpenCptsDb>(o => o.UseSqlite(chaine).AddInterceptors(SynchroniteSqlite.Instance));
            services.AddContexteDuScope<SqliteOpenCptsDb>();
        }
        else
        {
            throw new InvalidOperationException($"Fournisseur de base de données inconnu : '{options.Provider}' (Sqlite ou Postgres).");
        }
        return services;
    }

    /// <summary>
    /// The DI scope's context, leased from the pool and bound to the scope's <see cref="PerimetreCpts"/> (EF Core's
    /// pattern for per-request state in pooled contexts). Use cases take <see cref="OpenCptsDb"/>.
    /// </summary>
    private static void AddContexteDuScope<TDb>(this IServiceCollection services) where TDb : OpenCptsDb
    {
        services.AddScoped<PerimetreCpts>();
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TDb>>().CreateDbContext();
            db.Perimetre = sp.GetRequiredService<PerimetreCpts>();
            return db;
        });
        services.AddScoped<OpenCptsDb>(sp => sp.GetRequiredService<TDb>());
    }

    private static void CreerDossierSqlite(string chaine)
    {
        var source = new SqliteConnectionStringBuilder(chaine).DataSource;
        var dossier = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(dossier) && source != ":memory:")
        {
            Directory.CreateDirectory(dossier);
        }
    }
}

/// <summary>
/// <c>PRAGMA synchronous = NORMAL</c> on every SQLite connection: in WAL mode (EF Core creates databases in WAL) the
/// database cannot be corrupted by a crash, only the last commits can be lost on a power cut, and each commit no
/// longer waits for an fsync: bookings and imports are several times faster. PostgreSQL is the production database.
/// </summary>
public sealed class SynchroniteSqlite : DbConnectionInterceptor
{
    public static readonly SynchroniteSqlite Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Appliquer(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Appliquer(connection);
        return Task.CompletedTask;
    }

    private static void Appliquer(DbConnection connection)
    {
        using var commande = connection.CreateCommand();
        commande.CommandText = "PRAGMA synchronous = NORMAL;";
        commande.ExecuteNonQuery();
    }
}

// Design-time factories: `dotnet ef migrations add NAME --context SqliteOpenCptsDb|PostgresOpenCptsDb`
// (see scripts/add-migration.sh, which adds both sets together).
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteOpenCptsDb>
{
    public SqliteOpenCptsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOpenCptsDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresOpenCptsDb>
{
    public PostgresOpenCptsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOpenCptsDb>().UseNpgsql("Host=localhost;Database=opencpts_design").Options);
}
