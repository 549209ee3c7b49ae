using OpenCpts.Web.Infrastructure.Geographie;

namespace OpenCpts.Tests.Infrastructure.Geographie;

public class DistanceTests
{
    // Synthetic communes: two in one postcode, one elsewhere in the département, one in another département.
    private static readonly LieuCommune A = new("18001", "18", "18000", 47.08, 2.40);
    private static readonly LieuCommune B = new("18002", "18", "18000, 18100", 47.10, 2.45);
    private static readonly LieuCommune C = new("18003", "18", "18200", null, null);
    private static readonly LieuCommune D = new("36001", "36", "36000", 46.81, 1.69);

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.InRange(Distance.Kilometres(47, 2, 48, 2), 111.1, 111.3);
        Assert.Equal(0, Distance.Kilometres(47.08, 2.40, 47.08, 2.40), 6);
    }

    [Fact]
    public void Kilometres_when_both_places_have_coordinates_else_the_coarse_level()
    {
        Assert.Equal(new Proximite(0, Proximite.MemeCommune), Distance.Mesurer(A, A, null, null));
        var voisine = Distance.Mesurer(A, B, B.Latitude, B.Longitude);
        Assert.Equal(Proximite.MemeCodePostal, voisine.Niveau);
        Assert.InRange(voisine.Km!.Value, 4, 5);
        Assert.Equal(new Proximite(null, Proximite.MemeDepartement), Distance.Mesurer(A, C, null, null));
        Assert.Equal(Proximite.Autre, Distance.Mesurer(A, D, D.Latitude, D.Longitude).Niveau);
        Assert.Equal(Proximite.Inconnue, Distance.Mesurer(null, A, A.Latitude, A.Longitude));
    }
}
