using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Geographie;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

public sealed record CreneauPropose(
    long Id,
    DateTime DebutUtc,
    DateTime FinUtc,
    string TypeConsultation,
    string Visibilite,
    string Rpps,
    string NomProfessionnel,
    string CodeProfession,
    int? ActiviteId,
    string? Site,
    string? CodeCommune,
    string? Commune,
    Proximite Proximite);

public sealed record FiltreCreneaux
{
    /// <summary>Start of the window (UTC); default now.</summary>
    public DateTime? DuUtc { get; init; }
    /// <summary>End of the window (UTC); default now + 48 h.</summary>
    public DateTime? AuUtc { get; init; }
    /// <summary>INSEE code of the patient's commune, for the ranking.</summary>
    public string? CommunePatient { get; init; }
    /// <summary>TRE_G15 profession code.</summary>
    public string? Profession { get; init; }
    public string? TypeConsultation { get; init; }
    /// <summary>INSEE code of the site's commune.</summary>
    public string? CommuneSite { get; init; }
    public int? ActiviteId { get; init; }
    public int Limite { get; init; } = 200;
}

/// <summary>
/// The free, future slots of the professionals practising in the CPTS territory over a window (48 h by
/// default), ranked by proximity to the patient's commune, then by start time. Without coordinates the
/// ranking falls back to same commune, same postcode, same département: never an error.
/// </summary>
public sealed class RechercherCreneauxProposes(OpenCptsDb db, CptsCourante cpts, TimeProvider horloge)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(48);

    public async Task<IReadOnlyList<CreneauPropose>> ExecuteAsync(FiltreCreneaux filtre, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var du = filtre.DuUtc is { } d && d > maintenant ? d : maintenant;
        var au = filtre.AuUtc ?? maintenant + Horizon;
        var territoire = (await cpts.CodesCommunesAsync(ct)).ToList();

        var requete = db.CreneauxSnp.AsNoTracking()
            .Where(c => c.Statut == StatutsCreneau.Libre && c.DebutUtc > du && c.DebutUtc <= au);
        if (!string.IsNullOrEmpty(filtre.TypeConsultation))
        {
            requete = requete.Where(c => c.TypeConsultation == filtre.TypeConsultation);
        }
        if (filtre.ActiviteId is { } activite)
        {
            requete = requete.Where(c => c.ActiviteId == activite);
        }

        var lignes = from c in requete
                     join p in db.Professionnels on c.ProfessionnelId equals p.Id
                     from a in db.Activites.Where(a => a.Id == c.ActiviteId).DefaultIfEmpty()
                         // A slot without a site belongs to the territory when its professional practises there.
                     where a != null
                         ? territoire.Contains(a.CodeCommune!)
                         : db.Activites.Any(x => x.ProfessionnelId == p.Id && territoire.Contains(x.CodeCommune!))
                     select new
                     {
                         c.Id,
                         c.DebutUtc,
                         c.FinUtc,
                         c.TypeConsultation,
                         c.Visibilite,
                         p.Rpps,
                         p.CiviliteExercice,
                         p.Prenom,
                         p.Nom,
                         p.CodeProfession,
                         c.ActiviteId,
                         Site = a == null ? null : (a.Enseigne ?? a.RaisonSociale ?? a.Voie),
                         CodeCommune = a == null ? null : a.CodeCommune,
                         Commune = a == null ? null : a.LibelleCommune,
                         Latitude = a == null ? null : a.Latitude,
                         Longitude = a == null ? null : a.Longitude,
                     };
        if (!string.IsNullOrEmpty(filtre.Profession))
        {
            lignes = lignes.Where(l => l.CodeProfession == filtre.Profession);
        }
        if (!string.IsNullOrEmpty(filtre.CommuneSite))
        {
            lignes = lignes.Where(l => l.CodeCommune == filtre.CommuneSite);
        }
        var trouves = await lignes.OrderBy(l => l.DebutUtc).Take(2000).ToListAsync(ct);

        var codes = trouves.Select(t => t.CodeCommune).OfType<string>().Append(filtre.CommunePatient ?? "").Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee))
            .Select(c => new LieuCommune(c.CodeInsee, c.Departement, c.CodesPostaux, c.Latitude, c.Longitude))
            .ToDictionaryAsync(c => c.CodeInsee, ct);
        var patient = filtre.CommunePatient is { } cp && communes.TryGetValue(cp, out var lp) ? lp : null;

        return [.. trouves
            .Select(t =>
            {
                var site = t.CodeCommune is { } code && communes.TryGetValue(code, out var ls) ? ls : null;
                var lat = t.Latitude ?? site?.Latitude;
                var lon = t.Longitude ?? site?.Longitude;
                return new CreneauPropose(t.Id, t.DebutUtc, t.FinUtc, t.TypeConsultation, t.Visibilite, t.Rpps,
                    Annuaire.Civilites.NomAffiche(t.CiviliteExercice, t.Prenom, t.Nom), t.CodeProfession, t.ActiviteId, t.Site,
                    t.CodeCommune, t.Commune, Distance.Mesurer(patient, site, lat, lon));
            })
            .OrderBy(c => c.Proximite.Km is null ? 1 : 0)
            .ThenBy(c => c.Proximite.Km ?? 0)
            .ThenBy(c => c.Proximite.Niveau)
            .ThenBy(c => c.DebutUtc)
            .Take(filtre.Limite)];
    }
}
