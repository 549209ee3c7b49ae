using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Geographie;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>What a care request asks for, as far as matching is concerned.</summary>
public sealed record BesoinPriseEnCharge(int CptsId, string CodeProfession, IReadOnlyList<string> Actes, string CodeCommune, DateOnly Debut);

/// <summary>A member who matches a care request, nearest first.</summary>
public sealed record MembreCorrespondant(int ProfessionnelId, string NomAffiche, string? Email, string? Commune, Proximite Proximite, IReadOnlyList<string> CompetencesUtiles);

/// <summary>Settings of care requests (<c>OpenCpts:Parcours</c>).</summary>
public sealed class OptionsParcours
{
    /// <summary>A practice site within this distance (km) of the patient's commune covers it.</summary>
    [Range(0, 200)]
    public double RayonInterventionKm { get; set; } = 10;

    /// <summary>Public address of the platform (<c>OpenCpts:UrlPublique</c>), for links in e-mails; none when unset.</summary>
    public string? UrlPublique { get; set; }
}

/// <summary>
/// The members a care request goes to: members of the CPTS, of the profession asked, not on leave on the start
/// date, practising in an area that covers the patient's commune (same commune; or a site within
/// <see cref="OptionsParcours.RayonInterventionKm"/> when coordinates are known; or the same postcode when they are
/// not), and, for every act that is not common to the profession (<see cref="ActesCourants"/>), having declared a
/// skill that covers it.
/// </summary>
public sealed class TrouverMembresPourDemande(OpenCptsDb db, IOptions<OptionsParcours> options)
{
    public async Task<IReadOnlyList<MembreCorrespondant>> ExecuteAsync(BesoinPriseEnCharge besoin, CancellationToken ct = default)
    {
        var commune = await db.Communes.AsNoTracking()
            .Where(c => c.CodeInsee == besoin.CodeCommune)
            .Select(c => new LieuCommune(c.CodeInsee, c.Departement, c.CodesPostaux, c.Latitude, c.Longitude))
            .FirstOrDefaultAsync(ct);
        if (commune is null)
        {
            return [];
        }
        var candidats = await db.Professionnels.AsNoTracking()
            .Where(p => p.CodeProfession == besoin.CodeProfession
                && p.Adhesions.Any(a => a.CptsId == besoin.CptsId)
                && (p.EnCongeJusquAu == null || p.EnCongeJusquAu < besoin.Debut))
            .Select(p => new
            {
                p.Id,
                p.CiviliteExercice,
                p.Prenom,
                p.Nom,
                p.Email,
                Competences = p.Competences.Select(c => c.LibelleRecherche).ToList(),
                Sites = p.Activites.Where(a => a.CodeCommune != null).Select(a => new { a.CodeCommune, a.LibelleCommune, a.Latitude, a.Longitude }).ToList(),
            })
            .ToListAsync(ct);
        var codesSites = candidats.SelectMany(c => c.Sites).Select(s => s.CodeCommune!).Distinct().ToList();
        var communesSites = await db.Communes.AsNoTracking()
            .Where(c => codesSites.Contains(c.CodeInsee))
            .Select(c => new LieuCommune(c.CodeInsee, c.Departement, c.CodesPostaux, c.Latitude, c.Longitude))
            .ToDictionaryAsync(c => c.CodeInsee, ct);
        var actesSpecifiques = besoin.Actes.Where(a => !ActesCourants.EstCourant(besoin.CodeProfession, a)).ToList();

        var membres = new List<MembreCorrespondant>();
        foreach (var c in candidats)
        {
            if (!actesSpecifiques.All(a => ActesCourants.EstCouvertPar(a, c.Competences)))
            {
                continue;
            }
            var meilleur = c.Sites
                .Select(s => (Site: s, Proximite: Distance.Mesurer(commune, communesSites.GetValueOrDefault(s.CodeCommune!),
                    s.Latitude ?? communesSites.GetValueOrDefault(s.CodeCommune!)?.Latitude,
                    s.Longitude ?? communesSites.GetValueOrDefault(s.CodeCommune!)?.Longitude)))
                .Where(x => Couvre(x.Proximite))
                .OrderBy(x => x.Proximite.Niveau == Proximite.MemeCommune ? 0 : 1)
                .ThenBy(x => x.Proximite.Km ?? double.MaxValue)
                .Select(x => ((string? Commune, Proximite Proximite)?)(x.Site.LibelleCommune, x.Proximite))
                .FirstOrDefault();
            if (meilleur is not { } m)
            {
                continue;
            }
            var utiles = besoin.Actes.Where(a => ActesCourants.EstCouvertPar(a, c.Competences)).ToList();
            membres.Add(new MembreCorrespondant(c.Id, Annuaire.Civilites.NomAffiche(c.CiviliteExercice, c.Prenom, c.Nom), c.Email, m.Commune, m.Proximite, utiles));
        }
        return [.. membres
            .OrderByDescending(m => m.CompetencesUtiles.Count)
            .ThenBy(m => m.Proximite.Niveau == Proximite.MemeCommune ? 0 : 1)
            .ThenBy(m => m.Proximite.Km ?? double.MaxValue)
            .ThenBy(m => m.NomAffiche, StringComparer.Ordinal)];
    }

    private bool Couvre(Proximite p) =>
        p.Niveau == Proximite.MemeCommune
        || (p.Km is { } km ? km <= options.Value.RayonInterventionKm : p.Niveau == Proximite.MemeCodePostal);
}
