using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>Filters of the waiting list. <see cref="Statut"/> null = the waiting ones; "tous" = every status.</summary>
public sealed record FiltreDemandesMt
{
    public const string TousStatuts = "tous";
    public string? Statut { get; init; }
    public string? Commune { get; init; }
    /// <summary>A criterion code (<c>ALD</c>…).</summary>
    public string? Critere { get; init; }
    /// <summary>Part of the name or first name, any case or accents.</summary>
    public string? Texte { get; init; }
    /// <summary>Only the requests registered by this account (a professional sees his own only).</summary>
    public string? InscritPar { get; init; }
    public int Page { get; init; } = 1;
    public int TaillePage { get; init; } = 50;
}

/// <summary>One row of the list, with its score and why.</summary>
public sealed record LigneDemandeMt(
    long Id, string Reference, string Nom, string Prenom, DateOnly DateNaissance, string CodeCommune, string? NomCommune,
    CriteresPriorite Criteres, string Statut, DateTime InscritLeUtc, ScorePriorite Score, int JoursAttente, bool DoublonPossible, int Rang);

public sealed record ListeDemandesMt(IReadOnlyList<LigneDemandeMt> Lignes, int Total, int Page, int NombrePages, PonderationPriorite Ponderation);

/// <summary>
/// The waiting list sorted by priority score (highest first, then the longest wait). The score depends on the
/// current month count, so it is computed in memory on the filtered rows (a few thousand at most per CPTS), then paged;
/// <see cref="LigneDemandeMt.Rang"/> is the place in the filtered, sorted list.
/// </summary>
public sealed class ListerDemandesMt(OpenCptsDb db, CptsCourante cpts, ChargerPonderation ponderation, TimeProvider horloge)
{
    public async Task<ListeDemandesMt> ExecuteAsync(FiltreDemandesMt filtre, CancellationToken ct = default)
    {
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var poids = await ponderation.ExecuteAsync(cptsId, ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;

        var requete = db.DemandesMedecinTraitant.AsNoTracking().Where(d => d.CptsId == cptsId);
        if (filtre.Statut != FiltreDemandesMt.TousStatuts)
        {
            var statut = string.IsNullOrEmpty(filtre.Statut) ? StatutsDemandeMt.EnAttente : filtre.Statut;
            requete = requete.Where(d => d.Statut == statut);
        }
        if (!string.IsNullOrEmpty(filtre.Commune))
        {
            requete = requete.Where(d => d.CodeCommune == filtre.Commune);
        }
        if (!string.IsNullOrEmpty(filtre.Critere) && Criteres.DepuisCode(filtre.Critere) is { } critere)
        {
            requete = requete.Where(d => (d.Criteres & critere) != 0);
        }
        var texte = Infrastructure.TexteRecherche.Normaliser(filtre.Texte);
        if (texte.Length > 0)
        {
            requete = requete.Where(d => d.NomNormalise.Contains(texte));
        }
        if (filtre.InscritPar is not null)
        {
            requete = requete.Where(d => d.InscritPar == filtre.InscritPar);
        }

        var lignes = await requete
            .Select(d => new { d.Id, d.Reference, d.Nom, d.Prenom, d.NomNormalise, d.DateNaissance, d.Ins, d.CodeCommune, d.Criteres, d.Statut, d.InscritLeUtc })
            .ToListAsync(ct);
        var triees = lignes
            .Select(d => (d, Score: CalculerPriorite.Expliquer(poids, d.Criteres, d.InscritLeUtc, maintenant)))
            .OrderByDescending(x => x.Score.Total).ThenBy(x => x.d.InscritLeUtc).ThenBy(x => x.d.Id)
            .ToList();

        var taille = Math.Clamp(filtre.TaillePage, 1, 10_000);
        var nombrePages = Math.Max(1, (triees.Count + taille - 1) / taille);
        var page = Math.Clamp(filtre.Page, 1, nombrePages);
        var visibles = triees.Skip((page - 1) * taille).Take(taille).ToList();

        var codes = visibles.Select(x => x.d.CodeCommune).Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).ToDictionaryAsync(c => c.CodeInsee, c => c.Nom, ct);
        var doublons = await DoublonsAsync(cptsId, [.. visibles.Select(x => x.d.NomNormalise)], [.. visibles.Where(x => x.d.Ins != null).Select(x => x.d.Ins!)], ct);

        var resultat = visibles.Select((x, i) => new LigneDemandeMt(
            x.d.Id, x.d.Reference, x.d.Nom, x.d.Prenom, x.d.DateNaissance, x.d.CodeCommune, communes.GetValueOrDefault(x.d.CodeCommune),
            x.d.Criteres, x.d.Statut, x.d.InscritLeUtc, x.Score, Math.Max(0, (int)(maintenant - x.d.InscritLeUtc).TotalDays),
            DetecterDoublons.StatutsOuverts.Contains(x.d.Statut) &&
                (doublons.Noms.Contains((x.d.NomNormalise, x.d.DateNaissance)) || (x.d.Ins != null && doublons.Ins.Contains(x.d.Ins))),
            (page - 1) * taille + i + 1)).ToList();
        return new ListeDemandesMt(resultat, triees.Count, page, nombrePages, poids);
    }

    /// <summary>Keys shared by two open requests or more, among the given names and INS.</summary>
    private async Task<(HashSet<(string, DateOnly)> Noms, HashSet<string> Ins)> DoublonsAsync(int cptsId, List<string> noms, List<string> ins, CancellationToken ct)
    {
        var ouvertes = db.DemandesMedecinTraitant.AsNoTracking().Where(d => d.CptsId == cptsId && DetecterDoublons.StatutsOuverts.Contains(d.Statut));
        var parNom = await ouvertes.Where(d => noms.Contains(d.NomNormalise))
            .GroupBy(d => new { d.NomNormalise, d.DateNaissance }).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToListAsync(ct);
        var parIns = ins.Count == 0 ? [] : await ouvertes.Where(d => d.Ins != null && ins.Contains(d.Ins))
            .GroupBy(d => d.Ins!).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        return ([.. parNom.Select(k => (k.NomNormalise, k.DateNaissance))], [.. parIns]);
    }
}
