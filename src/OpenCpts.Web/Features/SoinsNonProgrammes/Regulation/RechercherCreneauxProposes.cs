using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>How close a slot's site is to the patient: kilometres when both places have coordinates, else a coarse level.</summary>
public sealed record Proximite(double? Km, int Niveau)
{
    public const int MemeCommune = 0;
    public const int MemeCodePostal = 1;
    public const int MemeDepartement = 2;
    public const int Autre = 3;

    public static readonly Proximite Inconnue = new(null, Autre);

    public string Libelle => Niveau == MemeCommune ? "même commune"
        : Km is { } km ? $"{km.ToString("0.0", Infrastructure.Web.PlateformeWeb.Francais)} km"
        : Niveau switch
        {
            MemeCodePostal => "même code postal",
            MemeDepartement => "même département",
            _ => "autre département",
        };
}

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
                    t.CodeCommune, t.Commune, Mesurer(patient, site, lat, lon));
            })
            .OrderBy(c => c.Proximite.Km is null ? 1 : 0)
            .ThenBy(c => c.Proximite.Km ?? 0)
            .ThenBy(c => c.Proximite.Niveau)
            .ThenBy(c => c.DebutUtc)
            .Take(filtre.Limite)];
    }

    internal sealed record LieuCommune(string CodeInsee, string Departement, string CodesPostaux, double? Latitude, double? Longitude);

    /// <summary>
    /// Same commune is 0 km whatever the coordinates; otherwise kilometres when both ends are known
    /// (site coordinates, else the centre of its commune); otherwise postcode, then département.
    /// </summary>
    internal static Proximite Mesurer(LieuCommune? patient, LieuCommune? site, double? lat, double? lon)
    {
        if (patient is null || site is null)
        {
            return Proximite.Inconnue;
        }
        if (patient.CodeInsee == site.CodeInsee)
        {
            return new Proximite(0, Proximite.MemeCommune);
        }
        var niveau = MemeCodePostal(patient, site) ? Proximite.MemeCodePostal
            : patient.Departement == site.Departement ? Proximite.MemeDepartement
            : Proximite.Autre;
        if (patient.Latitude is { } plat && patient.Longitude is { } plon && lat is { } slat && lon is { } slon)
        {
            return new Proximite(Haversine(plat, plon, slat, slon), niveau);
        }
        return new Proximite(null, niveau);
    }

    // The postcodes of the reference commune, not the site's own field: a commune may have several.
    private static bool MemeCodePostal(LieuCommune patient, LieuCommune site) =>
        Postaux(patient).Intersect(Postaux(site), StringComparer.Ordinal).Any();

    private static string[] Postaux(LieuCommune c) =>
        c.CodesPostaux.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Great-circle distance in km.</summary>
    internal static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double rayonTerre = 6371.0;
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * rayonTerre * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
