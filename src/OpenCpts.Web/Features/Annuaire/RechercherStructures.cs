using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>Criteria of a structure search. Empty criteria are ignored.</summary>
public sealed record FiltreStructures
{
    /// <summary>Words of the name (accent-insensitive), or a FINESS / SIRET number.</summary>
    public string? Texte { get; init; }
    /// <summary>TRE_R66 category code.</summary>
    public string? CodeCategorie { get; init; }
    public string? CodeCommune { get; init; }
    public int Page { get; init; } = 1;
    public int TaillePage { get; init; } = Pagination.TailleParDefaut;
}

public sealed record StructureTrouvee(
    int Id,
    string Nom,
    string CodeCategorie,
    string? Finess,
    string? Siret,
    string? Voie,
    string? CodePostal,
    string? LibelleCommune,
    string? Telephone)
{
    public string Categorie => Terminologies.Instance.CategoriesEtablissement.Libelle(CodeCategorie);
}

/// <summary>Searches the directory's structures (hospitals, MSP, pharmacies, EHPAD…).</summary>
public sealed class RechercherStructures(OpenCptsDb db)
{
    public async Task<ResultatsRecherche<StructureTrouvee>> ExecuteAsync(FiltreStructures filtre, CancellationToken ct = default)
    {
        var page = Math.Max(1, filtre.Page);
        var taille = Math.Clamp(filtre.TaillePage, 1, Pagination.TailleMax);
        var requete = Filtrer(filtre);
        var total = await requete.CountAsync(ct);
        var elements = await requete
            .OrderBy(s => s.NomRecherche).ThenBy(s => s.Id)
            .Skip((page - 1) * taille).Take(taille)
            .Select(s => new StructureTrouvee(s.Id, s.Nom, s.CodeCategorie, s.Finess, s.Siret, s.Voie, s.CodePostal, s.LibelleCommune, s.Telephone))
            .ToListAsync(ct);
        return new ResultatsRecherche<StructureTrouvee>(elements, total, page, taille);
    }

    private IQueryable<Structure> Filtrer(FiltreStructures f)
    {
        var requete = db.Structures.AsNoTracking();
        var texte = TexteRecherche.Normaliser(f.Texte);
        if (texte.Length > 0)
        {
            var compact = f.Texte!.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
            var mots = texte.Split(' ');
            if (mots.Length == 1 && compact.Any(char.IsAsciiDigit))
            {
                // One token with digits: a FINESS or SIRET number, or a name like "Résidence 2000".
                var mot = mots[0];
                requete = requete.Where(s => s.Finess == compact || s.FinessJuridique == compact || s.Siret == compact || s.NomRecherche.Replace(" ", "").Contains(mot));
            }
            else
            {
                foreach (var mot in mots)
                {
                    requete = requete.Where(s => s.NomRecherche.Replace(" ", "").Contains(mot));
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(f.CodeCategorie))
        {
            requete = requete.Where(s => s.CodeCategorie == f.CodeCategorie);
        }
        if (!string.IsNullOrWhiteSpace(f.CodeCommune))
        {
            requete = requete.Where(s => s.CodeCommune == f.CodeCommune);
        }
        return requete;
    }
}
