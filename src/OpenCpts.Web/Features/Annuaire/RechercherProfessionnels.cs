using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>Criteria of a directory search. Empty criteria are ignored.</summary>
public sealed record FiltreProfessionnels
{
    /// <summary>Words of the name (accent-insensitive, every word must appear) or an RPPS number.</summary>
    public string? Texte { get; init; }
    public string? CodeProfession { get; init; }
    public string? CodeSpecialite { get; init; }
    /// <summary>INSEE code: professionals with at least one activity in that commune.</summary>
    public string? CodeCommune { get; init; }
    public string? Competence { get; init; }
    public bool MembresSeulement { get; init; }
    public int Page { get; init; } = 1;
    public int TaillePage { get; init; } = Pagination.TailleParDefaut;
}

/// <summary>One row of a professional search, ready to show or export.</summary>
public sealed record ProfessionnelTrouve(
    string Rpps,
    string? Civilite,
    string? CiviliteExercice,
    string Nom,
    string Prenom,
    string CodeProfession,
    string? CodeSpecialite,
    IReadOnlyList<string> Communes,
    IReadOnlyList<string> Telephones,
    bool Membre,
    IReadOnlyList<string> Competences)
{
    public string NomAffiche => Civilites.NomAffiche(CiviliteExercice, Prenom, Nom);
    public string Profession => Terminologies.Instance.Professions.Libelle(CodeProfession);
    public string? Specialite => CodeSpecialite is null ? null : Terminologies.Instance.Specialites.Libelle(CodeSpecialite);
}

/// <summary>
/// Searches the directory's professionals. Filters run in the database on the normalised search
/// columns, and rows are projected (no entity tracking, no N+1): one count query and one page query.
/// </summary>
public sealed class RechercherProfessionnels(OpenCptsDb db, CptsCourante cptsCourante)
{
    public async Task<ResultatsRecherche<ProfessionnelTrouve>> ExecuteAsync(FiltreProfessionnels filtre, CancellationToken ct = default)
    {
        var cptsId = (await cptsCourante.TrouverAsync(ct))?.Id;
        var page = Math.Max(1, filtre.Page);
        var taille = Math.Clamp(filtre.TaillePage, 1, Pagination.TailleMax);
        var requete = Filtrer(filtre, cptsId);
        var total = await requete.CountAsync(ct);
        var lignes = await Projeter(Trier(requete).Skip((page - 1) * taille).Take(taille), cptsId).ToListAsync(ct);
        return new ResultatsRecherche<ProfessionnelTrouve>([.. lignes.Select(l => l.VersResultat())], total, page, taille);
    }

    /// <summary>Every match in display order, streamed from the database (the CSV export).</summary>
    public async IAsyncEnumerable<ProfessionnelTrouve> TousAsync(
        FiltreProfessionnels filtre, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var cptsId = (await cptsCourante.TrouverAsync(ct))?.Id;
        await foreach (var ligne in Projeter(Trier(Filtrer(filtre, cptsId)), cptsId).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ligne.VersResultat();
        }
    }

    private IQueryable<Professionnel> Filtrer(FiltreProfessionnels f, int? cptsId)
    {
        var requete = db.Professionnels.AsNoTracking();
        var texte = TexteRecherche.Normaliser(f.Texte);
        if (texte.Length > 0)
        {
            var compact = f.Texte!.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (compact.Length == 11 && compact.All(char.IsAsciiDigit))
            {
                requete = requete.Where(p => p.Rpps == compact);
            }
            else
            {
                // Compared without spaces too: the normalised column turns the apostrophe of D'ALÈNE
                // into a space ("d alene"), while people type "dalene".
                foreach (var mot in texte.Split(' '))
                {
                    requete = requete.Where(p => p.NomRecherche.Replace(" ", "").Contains(mot));
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(f.CodeProfession))
        {
            requete = requete.Where(p => p.CodeProfession == f.CodeProfession);
        }
        if (!string.IsNullOrWhiteSpace(f.CodeSpecialite))
        {
            requete = requete.Where(p => p.CodeSpecialite == f.CodeSpecialite);
        }
        if (!string.IsNullOrWhiteSpace(f.CodeCommune))
        {
            requete = requete.Where(p => p.Activites.Any(a => a.CodeCommune == f.CodeCommune));
        }
        var competence = TexteRecherche.Normaliser(f.Competence);
        if (competence.Length > 0)
        {
            requete = requete.Where(p => p.Competences.Any(c => c.LibelleRecherche.Contains(competence)));
        }
        if (f.MembresSeulement)
        {
            // Without a CPTS nobody is a member: -1 matches no row.
            var id = cptsId ?? -1;
            requete = requete.Where(p => p.Adhesions.Any(a => a.CptsId == id));
        }
        return requete;
    }

    // NomRecherche is the normalised "nom prenom": ordering on it sorts by name then first name,
    // accent-insensitively, and walks its index for unfiltered searches.
    private static IOrderedQueryable<Professionnel> Trier(IQueryable<Professionnel> requete) =>
        requete.OrderBy(p => p.NomRecherche).ThenBy(p => p.Rpps);

    private static IQueryable<Ligne> Projeter(IQueryable<Professionnel> requete, int? cptsId)
    {
        var id = cptsId ?? -1;
        return requete.Select(p => new Ligne
        {
            Rpps = p.Rpps,
            Civilite = p.Civilite,
            CiviliteExercice = p.CiviliteExercice,
            Nom = p.Nom,
            Prenom = p.Prenom,
            CodeProfession = p.CodeProfession,
            CodeSpecialite = p.CodeSpecialite,
            Activites = p.Activites.OrderBy(a => a.Id).Select(a => new Lieu(a.LibelleCommune, a.Telephone)).ToList(),
            Competences = p.Competences.OrderBy(c => c.LibelleRecherche).Select(c => c.Libelle).ToList(),
            Membre = p.Adhesions.Any(a => a.CptsId == id),
        })
        // One query (sites × skills per professional stay small), which is also what lets the export stream.
        .AsSingleQuery();
    }

    private sealed record Lieu(string? Commune, string? Telephone);

    private sealed class Ligne
    {
        public string Rpps { get; init; } = "";
        public string? Civilite { get; init; }
        public string? CiviliteExercice { get; init; }
        public string Nom { get; init; } = "";
        public string Prenom { get; init; } = "";
        public string CodeProfession { get; init; } = "";
        public string? CodeSpecialite { get; init; }
        public List<Lieu> Activites { get; init; } = [];
        public List<string> Competences { get; init; } = [];
        public bool Membre { get; init; }

        public ProfessionnelTrouve VersResultat() => new(
            Rpps, Civilite, CiviliteExercice, Nom, Prenom, CodeProfession, CodeSpecialite,
            [.. Activites.Select(a => a.Commune).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. Activites.Select(a => a.Telephone).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)],
            Membre,
            Competences);
    }
}
