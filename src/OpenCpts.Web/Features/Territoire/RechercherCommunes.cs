using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

public sealed record CommuneTrouvee(string CodeInsee, string Nom, string Departement, string NomDepartement, string CodesPostaux, int Population, bool DansTerritoire);

/// <summary>
/// Finds communes of the national reference by name (accent-insensitive, start of name first), by
/// postcode (starts with) or by INSEE code, to add them to the territory.
/// </summary>
public sealed partial class RechercherCommunes(OpenCptsDb db, CptsCourante cptsCourante)
{
    public const int Maximum = 20;

    public async Task<IReadOnlyList<CommuneTrouvee>> ExecuteAsync(string? texte, CancellationToken ct = default)
    {
        var saisie = (texte ?? "").Trim();
        if (saisie.Length < 2)
        {
            return [];
        }
        IQueryable<Commune> requete;
        if (Code().IsMatch(saisie))
        {
            var code = saisie.ToUpperInvariant();
            requete = db.Communes
                .Where(c => c.CodeInsee.StartsWith(code) || c.CodesPostaux.StartsWith(code) || c.CodesPostaux.Contains("," + code))
                .OrderBy(c => c.CodeInsee == code ? 0 : 1)
                .ThenByDescending(c => c.Population);
        }
        else
        {
            var nom = TexteRecherche.Normaliser(saisie);
            if (nom.Length < 2)
            {
                return [];
            }
            requete = db.Communes
                .Where(c => c.NomRecherche.Contains(nom))
                .OrderBy(c => c.NomRecherche == nom ? 0 : c.NomRecherche.StartsWith(nom) ? 1 : 2)
                .ThenByDescending(c => c.Population);
        }
        var trouvees = await requete.Take(Maximum)
            .Select(c => new { c.CodeInsee, c.Nom, c.Departement, c.CodesPostaux, c.Population })
            .ToListAsync(ct);
        var territoire = await cptsCourante.CodesCommunesAsync(ct);
        return [.. trouvees.Select(c => new CommuneTrouvee(
            c.CodeInsee, c.Nom, c.Departement, Departements.Nom(c.Departement),
            c.CodesPostaux.Replace(",", ", ", StringComparison.Ordinal), c.Population, territoire.Contains(c.CodeInsee)))];
    }

    /// <summary>Digits (or a Corsican 2A/2B prefix): a postcode or an INSEE code rather than a name.</summary>
    [GeneratedRegex(@"^(\d|2[abAB])\d*$")]
    private static partial Regex Code();
}
