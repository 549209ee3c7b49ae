using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(OpenCpts.Tests.Infrastructure.PostgresJetable))]

namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, started from the Debian binaries
/// (initdb + pg_ctl on a free loopback port in a temp dir, as the postgres user when run as root)
/// and removed at the end. Each test app gets its own database in it.
/// Set OPENCPTS_TEST_POSTGRES to a connection string to use an existing server instead.
/// See ../shared/notes/test-infrastructure.md for the facts this relies on.
/// </summary>
public sealed class PostgresJetable : IAsyncLifetime
{
    private static PostgresJetable? _instance;
    private string? _dossier;
    private string? _bin;
    private bool _enRoot;
    private string? _raisonIndisponible;
    private string? _chaineMaitre;
    private int _compteur;

    /// <summary>The running cluster, set once the assembly fixture has started.</summary>
    public static PostgresJetable Instance => _instance ?? throw new InvalidOperationException("PostgreSQL fixture not initialised.");

    public bool Disponible => _chaineMaitre is not null;

    /// <summary>Why PostgreSQL is not available (binaries absent), for the skip message.</summary>
    public string RaisonIndisponible => _raisonIndisponible ?? "";

    public async ValueTask InitializeAsync()
    {
        _instance = this;
        var externe = Environment.GetEnvironmentVariable("OPENCPTS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(externe))
        {
            _chaineMaitre = externe;
            return;
        }
        _bin = TrouverBinaires();
        if (_bin is null)
        {
            _raisonIndisponible = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql, or run ./test.sh).";
            return;
        }
        _enRoot = Environment.UserName == "root";
        // A short path: the Unix socket path is limited to 107 bytes.
        _dossier = Path.Combine("/tmp", "ocpts-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dossier);
        if (_enRoot)
        {
            await Executer("chown", $"postgres:postgres {_dossier}");
        }
        var data = Path.Combine(_dossier, "data");
        await ExecuterPostgres("initdb", $"-D {data} -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync");
        for (var essai = 0; ; essai++)
        {
            var port = PortLibre();
            try
            {
                await ExecuterPostgres("pg_ctl", $"-D {data} -l {_dossier}/server.log -w -o \"-c listen_addresses=127.0.0.1 -p {port} -k {_dossier} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");
                _chaineMaitre = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
                break;
            }
            catch (InvalidOperationException) when (essai < 3)
            {
                // The free port was taken between the probe and the start: try another.
            }
        }
    }

    /// <summary>Creates a database (a copy of <paramref name="modele"/> if given) and returns its connection string.</summary>
    public async Task<string> CreerBaseAsync(string? modele = null)
    {
        var nom = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _compteur)}_{Guid.NewGuid().ToString("N")[..6]}";
        await using var cnx = new NpgsqlConnection(_chaineMaitre);
        await cnx.OpenAsync();
        // FILE_COPY (PostgreSQL 15+) copies the template's files instead of writing them through the WAL (the default):
        // about twice as fast for a template of a few megabytes, on a cluster where fsync is off anyway.
        var gabarit = modele is null ? "" : $" TEMPLATE \"{modele}\"" + (cnx.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "");
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{nom}\"{gabarit}", cnx);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_chaineMaitre) { Database = nom, MaxPoolSize = 10 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dossier is null || _bin is null)
        {
            return;
        }
        try
        {
            await ExecuterPostgres("pg_ctl", $"-D {_dossier}/data stop -m immediate");
        }
        finally
        {
            // A run leaves several gigabytes of test databases: deleting them took over half a minute at the end of the
            // run, so a detached rm does it while the next test project runs.
            // Its own pipes, not the test host's output: the test runner must not wait for it.
            Process.Start(new ProcessStartInfo("rm", ["-rf", _dossier])
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })?.Dispose();
        }
    }

    private static string? TrouverBinaires()
    {
        const string racine = "/usr/lib/postgresql";
        if (!Directory.Exists(racine))
        {
            return null;
        }
        return Directory.GetDirectories(racine)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int PortLibre()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private Task ExecuterPostgres(string outil, string arguments) =>
        _enRoot
            ? Executer("runuser", $"-u postgres -- {Path.Combine(_bin!, outil)} {arguments}")
            : Executer(Path.Combine(_bin!, outil), arguments);

    private static async Task Executer(string fichier, string arguments)
    {
        var psi = new ProcessStartInfo(fichier, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {fichier}");
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fichier} {arguments} failed ({p.ExitCode}): {await erreurs} {await sortie}");
        }
    }
}
