namespace OpenCpts.Web.Infrastructure.Geographie;

/// <summary>A commune of the reference as distances need it (coordinates of its centre, when known).</summary>
public sealed record LieuCommune(string CodeInsee, string Departement, string CodesPostaux, double? Latitude, double? Longitude);

/// <summary>How close a place (a site, a GP) is to the patient: kilometres when both places have coordinates, else a coarse level.</summary>
public sealed record Proximite(double? Km, int Niveau)
{
    public const int MemeCommune = 0;
    public const int MemeCodePostal = 1;
    public const int MemeDepartement = 2;
    public const int Autre = 3;

    public static readonly Proximite Inconnue = new(null, Autre);

    public string Libelle => Niveau == MemeCommune ? "même commune"
        : Km is { } km ? $"{km.ToString("0.0", Web.PlateformeWeb.Francais)} km"
        : Niveau switch
        {
            MemeCodePostal => "même code postal",
            MemeDepartement => "même département",
            _ => "autre département",
        };
}

/// <summary>Distances between places of the territory, the same rules for every feature.</summary>
public static class Distance
{
    /// <summary>
    /// Same commune is 0 km whatever the coordinates; otherwise kilometres when both ends are known
    /// (site coordinates, else the centre of its commune); otherwise postcode, then département.
    /// </summary>
    public static Proximite Mesurer(LieuCommune? patient, LieuCommune? site, double? lat, double? lon)
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
            return new Proximite(Kilometres(plat, plon, slat, slon), niveau);
        }
        return new Proximite(null, niveau);
    }

    // The postcodes of the reference commune, not the site's own field: a commune may have several.
    private static bool MemeCodePostal(LieuCommune patient, LieuCommune site) =>
        Postaux(patient).Intersect(Postaux(site), StringComparer.Ordinal).Any();

    private static string[] Postaux(LieuCommune c) =>
        c.CodesPostaux.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Great-circle distance in km (haversine).</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double rayonTerre = 6371.0;
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * rayonTerre * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
