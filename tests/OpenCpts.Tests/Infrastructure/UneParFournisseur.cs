namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// For a class fixture whose rows only read: one platform per provider, started on first use and shared by every
/// row of that provider, disposed with the fixture.
/// </summary>
public sealed class UneParFournisseur<T>(Func<Fournisseur, Task<T>> demarrer, Func<T, OpenCptsApp> app) : IAsyncDisposable
{
    private readonly Dictionary<Fournisseur, Task<T>> _plateformes = [];
    private readonly Lock _verrou = new();

    public Task<T> ObtenirAsync(Fournisseur fournisseur)
    {
        lock (_verrou)
        {
            if (!_plateformes.TryGetValue(fournisseur, out var plateforme))
            {
                plateforme = demarrer(fournisseur);
                _plateformes[fournisseur] = plateforme;
            }
            return plateforme;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var plateforme in _plateformes.Values)
        {
            if (plateforme.IsCompletedSuccessfully)
            {
                await app(plateforme.Result).DisposeAsync();
            }
        }
    }
}
