using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Infrastructure.Web;

/// <summary>One page of an API list. Every list endpoint answers this shape and reads <c>page</c> and
/// <c>pageSize</c> the same way (<see cref="PaginationApi"/>).</summary>
/// <param name="Items">Les éléments de la page.</param>
/// <param name="Total">Le nombre total d'éléments de la liste.</param>
/// <param name="Page">Le numéro de la page (à partir de 1).</param>
/// <param name="PageSize">La taille de page appliquée.</param>
public sealed record PageApi<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>The paging convention of the API: <c>page</c> from 1 (default 1), <c>pageSize</c> from 1 to
/// <see cref="TailleMax"/> (default <see cref="TailleParDefaut"/>); a value out of range is a 400 with its field.</summary>
public static class PaginationApi
{
    public const int TailleParDefaut = 50;
    public const int TailleMax = 200;

    public static (int Page, int Taille) Lire(int? page, int? pageSize, ErreursValidation erreurs)
    {
        if (page is < 1)
        {
            erreurs["page"] = ["La page commence à 1."];
        }
        if (pageSize is < 1 or > TailleMax)
        {
            erreurs["pageSize"] = [$"La taille de page doit être comprise entre 1 et {TailleMax}."];
        }
        return (Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? TailleParDefaut, 1, TailleMax));
    }

    /// <summary>A page of a query, with its total (two round trips: the count, then the page).</summary>
    public static async Task<PageApi<T>> PaginerAsync<T>(IQueryable<T> requete, int page, int taille, CancellationToken ct)
    {
        var total = await requete.CountAsync(ct);
        var elements = await requete.Skip((page - 1) * taille).Take(taille).ToListAsync(ct);
        return new PageApi<T>(elements, total, page, taille);
    }

    /// <summary>A page of a list already in memory (small lists: protocols, capacities).</summary>
    public static PageApi<T> Decouper<T>(IReadOnlyList<T> tous, int page, int taille) =>
        new([.. tous.Skip((page - 1) * taille).Take(taille)], tous.Count, page, taille);
}

/// <summary>
/// On <c>/api</c>, an empty query parameter is absent: <c>?statut=&amp;page=</c> reads as no filter and the first
/// page, the way a form or a client that always sends every parameter expects, and the same in every endpoint.
/// </summary>
public static class ParametresVidesApi
{
    public static Task RetirerAsync(HttpContext http, RequestDelegate suivant)
    {
        var requete = http.Request;
        if (requete.Path.StartsWithSegments("/api") && requete.Query.Any(p => p.Value.All(string.IsNullOrWhiteSpace)))
        {
            requete.QueryString = QueryString.Create(requete.Query
                .SelectMany(p => p.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => KeyValuePair.Create(p.Key, v))));
        }
        return suivant(http);
    }
}
