using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>A professional of the directory that can be added to a team.</summary>
public sealed record ProfessionnelPropose(int Id, string Rpps, string Nom, string Qualite, string? Commune);

/// <summary>
/// Finds professionals of the directory to add to a care team: by RPPS (11 digits) or by the words of the name
/// (accents and case ignored), at most 20, by name.
/// </summary>
public sealed class RechercherProfessionnelsEquipe(OpenCptsDb db)
{
    public const int Maximum = 20;

    public async Task<IReadOnlyList<ProfessionnelPropose>> ExecuteAsync(string? texte, CancellationToken ct = default)
    {
        var normalise = TexteRecherche.Normaliser(texte);
        if (normalise.Length < 2)
        {
            return [];
        }
        var requete = db.Professionnels.AsNoTracking();
        var compact = texte!.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (compact.Length == 11 && compact.All(char.IsAsciiDigit))
        {
            requete = requete.Where(p => p.Rpps == compact);
        }
        else
        {
            foreach (var mot in normalise.Split(' '))
            {
                requete = requete.Where(p => p.NomRecherche.Replace(" ", "").Contains(mot));
            }
        }
        var lignes = await requete.OrderBy(p => p.NomRecherche).ThenBy(p => p.Id).Take(Maximum)
            .Select(p => new
            {
                p.Id,
                p.Rpps,
                p.CiviliteExercice,
                p.Prenom,
                p.Nom,
                p.CodeProfession,
                p.CodeSpecialite,
                Commune = p.Activites.OrderBy(a => a.Id).Select(a => a.LibelleCommune).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. lignes.Select(l => new ProfessionnelPropose(l.Id, l.Rpps, Civilites.NomAffiche(l.CiviliteExercice, l.Prenom, l.Nom),
            ConsulterEquipe.Qualite(l.CodeProfession, l.CodeSpecialite), l.Commune))];
    }
}
