using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Geographie;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;

/// <summary>A member professional the desk may invite for a request, with his nearest site.</summary>
public sealed record CandidatSurnumeraire(int Id, string NomAffiche, string CodeProfession, string? Site, string? Commune, Proximite Proximite, bool DejaInvite);

/// <summary>
/// The CPTS members practising in its territory, of one profession if asked, ranked by distance from the
/// patient's commune to their nearest site with the desk's own measure (<see cref="Distance.Mesurer"/>).
/// </summary>
public sealed class ListerCandidatsSurnumeraire(OpenCptsDb db, CptsCourante cpts)
{
    public async Task<IReadOnlyList<CandidatSurnumeraire>> ExecuteAsync(long demandeId, string? profession, int limite = 30, CancellationToken ct = default)
    {
        var courante = await cpts.TrouverAsync(ct);
        var demande = await db.DemandesSnp.AsNoTracking().Where(d => d.Id == demandeId).Select(d => new { d.CodeCommune }).FirstOrDefaultAsync(ct);
        if (courante is null || demande is null)
        {
            return [];
        }
        var territoire = (await cpts.CodesCommunesAsync(ct)).ToList();
        var requete = db.Professionnels.AsNoTracking().Where(p => p.Adhesions.Any(a => a.CptsId == courante.Id));
        if (!string.IsNullOrEmpty(profession))
        {
            requete = requete.Where(p => p.CodeProfession == profession);
        }
        var lignes = await (from p in requete
                            join a in db.Activites on p.Id equals a.ProfessionnelId
                            where territoire.Contains(a.CodeCommune!)
                            select new
                            {
                                p.Id,
                                p.CiviliteExercice,
                                p.Prenom,
                                p.Nom,
                                p.CodeProfession,
                                Site = a.Enseigne ?? a.RaisonSociale ?? a.Voie,
                                a.CodeCommune,
                                a.LibelleCommune,
                                a.Latitude,
                                a.Longitude,
                            }).Take(5000).ToListAsync(ct);
        var invites = await db.InvitationsSurnumeraire.Where(i => i.DemandeSnpId == demandeId).Select(i => i.ProfessionnelId).ToListAsync(ct);

        var codes = lignes.Select(l => l.CodeCommune).OfType<string>().Append(demande.CodeCommune ?? "").Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee))
            .Select(c => new LieuCommune(c.CodeInsee, c.Departement, c.CodesPostaux, c.Latitude, c.Longitude))
            .ToDictionaryAsync(c => c.CodeInsee, ct);
        var patient = demande.CodeCommune is { } cp && communes.TryGetValue(cp, out var lp) ? lp : null;

        return [.. lignes
            .Select(l =>
            {
                var site = l.CodeCommune is { } code && communes.TryGetValue(code, out var ls) ? ls : null;
                var proximite = Distance.Mesurer(patient, site, l.Latitude ?? site?.Latitude, l.Longitude ?? site?.Longitude);
                return new CandidatSurnumeraire(l.Id, Annuaire.Civilites.NomAffiche(l.CiviliteExercice, l.Prenom, l.Nom), l.CodeProfession,
                    l.Site, l.LibelleCommune, proximite, invites.Contains(l.Id));
            })
            .GroupBy(c => c.Id)
            // A professional with several sites is ranked by his nearest one.
            .Select(g => g.OrderBy(Rang).First())
            .OrderBy(Rang)
            .ThenBy(c => c.NomAffiche, StringComparer.Ordinal)
            .Take(limite)];
    }

    // The desk's order: measured distances first, nearest first, then the coarse levels.
    private static (int, double, int) Rang(CandidatSurnumeraire c) =>
        (c.Proximite.Km is null ? 1 : 0, c.Proximite.Km ?? 0, c.Proximite.Niveau);
}
