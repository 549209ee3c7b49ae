using System.Collections.Concurrent;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>An import started from the upload page, followed by the progress bar.</summary>
public sealed class SuiviImport : IProgress<ProgressionImport>
{
    private ProgressionImport _progression = new(0, 0, 0);
    private volatile bool _termine;

    public required Guid Id { get; init; }
    /// <summary><see cref="ImportRpps.Type"/> or <see cref="ImportFiness.Type"/>: which page follows it.</summary>
    public required string Type { get; init; }
    /// <summary>The CPTS that started the import: only its requests may follow it.</summary>
    public required int? CptsId { get; init; }
    public required string NomFichier { get; init; }
    public required string? LanceePar { get; init; }
    public required DateTimeOffset Debut { get; init; }
    public ProgressionImport Progression => Volatile.Read(ref _progression);
    public bool Termine => _termine;
    /// <summary>The persisted report once finished.</summary>
    public int? RapportId { get; private set; }
    /// <summary>Why the file was refused or the import failed, when it did.</summary>
    public string? Erreur { get; private set; }

    public void Report(ProgressionImport value) => Volatile.Write(ref _progression, value);

    internal void Terminer(int? rapportId, string? erreur)
    {
        RapportId = rapportId;
        Erreur = erreur;
        _termine = true;
    }
}

/// <summary>
/// The imports running in the background. An upload must not wait for a file of hundreds of
/// megabytes to be imported: the page hands the saved file over and polls this registry. Each
/// import runs in its own DI scope (its own DbContext), stops with the application, and deletes
/// its temporary file.
/// </summary>
public sealed class ImportsEnCours(IServiceScopeFactory scopes, IHostApplicationLifetime vie, TimeProvider horloge, ILogger<ImportsEnCours> logger)
{
    private static readonly TimeSpan Conservation = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, SuiviImport> _suivis = new();

    /// <summary>An import of <paramref name="type"/> started by <paramref name="cptsId"/>; another CPTS's import is not found.</summary>
    public SuiviImport? Trouver(Guid id, int? cptsId, string type) =>
        _suivis.TryGetValue(id, out var suivi) && suivi.CptsId == cptsId && suivi.Type == type ? suivi : null;

    /// <summary>Starts importing the RPPS extraction <paramref name="fichierTemporaire"/>, which the import owns from now on.</summary>
    /// <param name="cptsId">The CPTS of the request that starts it: the import runs bound to it.</param>
    public SuiviImport Lancer(string fichierTemporaire, DemandeImportRpps demande, int? cptsId) =>
        Demarrer(ImportRpps.Type, demande.NomFichier, demande.LanceePar, cptsId, fichierTemporaire, async (sp, suivi, ct) =>
            await sp.GetRequiredService<ImportRpps>().ImporterFichierAsync(fichierTemporaire, demande, suivi, ct) switch
            {
                ResultatImportRpps.Termine t => (t.Rapport.Id, t.Rapport.Statut == "Terminee" ? null : t.Rapport.Message),
                ResultatImportRpps.FichierRefuse r => (null, r.Message),
                var autre => throw new InvalidOperationException(autre.GetType().Name),
            });

    /// <summary>Starts importing the FINESS flux <paramref name="fichierTemporaire"/>, which the import owns from now on.</summary>
    /// <param name="cptsId">The CPTS of the request that starts it: the import runs bound to it.</param>
    public SuiviImport Lancer(string fichierTemporaire, DemandeImportFiness demande, int? cptsId) =>
        Demarrer(ImportFiness.Type, demande.NomFichier, demande.LanceePar, cptsId, fichierTemporaire, async (sp, suivi, ct) =>
            await sp.GetRequiredService<ImportFiness>().ImporterFichierAsync(fichierTemporaire, demande, suivi, ct) switch
            {
                ResultatImportFiness.Termine t => (t.Rapport.Id, t.Rapport.Statut == "Terminee" ? null : t.Rapport.Message),
                ResultatImportFiness.FichierRefuse r => (null, r.Message),
                var autre => throw new InvalidOperationException(autre.GetType().Name),
            });

    /// <summary>The work of an import: its report's id once finished, or why it stopped.</summary>
    private delegate Task<(int? RapportId, string? Erreur)> Travail(IServiceProvider services, SuiviImport suivi, CancellationToken ct);

    private SuiviImport Demarrer(string type, string nomFichier, string? lanceePar, int? cptsId, string fichier, Travail travail)
    {
        Oublier();
        var suivi = new SuiviImport
        {
            Id = Guid.NewGuid(),
            Type = type,
            CptsId = cptsId,
            NomFichier = nomFichier,
            LanceePar = lanceePar,
            Debut = horloge.GetUtcNow(),
        };
        _suivis[suivi.Id] = suivi;
        _ = Task.Run(() => ExecuterAsync(suivi, fichier, travail), CancellationToken.None);
        return suivi;
    }

    private async Task ExecuterAsync(SuiviImport suivi, string fichier, Travail travail)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var perimetre = scope.ServiceProvider.GetRequiredService<PerimetreCpts>();
            if (suivi.CptsId is { } cptsId)
            {
                perimetre.Fixer(cptsId);
            }
            var (rapportId, erreur) = await travail(scope.ServiceProvider, suivi, vie.ApplicationStopping);
            suivi.Terminer(rapportId, erreur);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {Type} {Fichier} en échec", suivi.Type, suivi.NomFichier);
            suivi.Terminer(null, "L'import a échoué : " + e.Message);
        }
        finally
        {
            try
            {
                File.Delete(fichier);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Fichier temporaire {Fichier} non supprimé", fichier);
            }
        }
    }

    /// <summary>Finished imports are kept an hour for the page, then forgotten (their report stays in the base).</summary>
    private void Oublier()
    {
        var limite = horloge.GetUtcNow() - Conservation;
        foreach (var (id, suivi) in _suivis)
        {
            if (suivi.Termine && suivi.Debut < limite)
            {
                _suivis.TryRemove(id, out _);
            }
        }
    }
}
