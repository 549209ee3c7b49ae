using OpenCpts.Web.Features.Import;

namespace OpenCpts.Tests.Features.Import;

public class LecteurRppsTests
{
    private static List<LectureLigne> ToutLire(Stream flux, IReadOnlySet<string>? territoire = null)
    {
        var ouverture = Assert.IsType<OuvertureRpps.Ouvert>(LecteurRpps.Ouvrir(flux, territoire));
        using var lecteur = ouverture.Lecteur;
        var lues = new List<LectureLigne>();
        while (lecteur.Lire(out var l))
        {
            lues.Add(l);
        }
        return lues;
    }

    private static LigneRpps Ligne(List<LectureLigne> lues, long numero) =>
        lues.Single(l => l.Ligne == numero).Donnees ?? throw new InvalidOperationException($"line {numero} not kept");

    [Fact]
    public void Every_line_of_the_sample_is_kept_with_its_line_number()
    {
        var lues = ToutLire(File.OpenRead(EchantillonRpps.Chemin));

        Assert.Equal(65, lues.Count);
        Assert.All(lues, l => Assert.Equal(StatutLigne.Retenue, l.Statut));
        Assert.Equal(Enumerable.Range(2, 65).Select(i => (long)i), lues.Select(l => l.Ligne));
    }

    [Fact]
    public void Columns_are_found_by_name_whatever_their_order_case_and_extra_columns()
    {
        var lignes = EchantillonRpps.Lignes();
        // Reverse the columns, upper-case the header and append an unknown column.
        static string Retourner(string l) => string.Join('|', l[..^1].Split('|').Reverse()) + "|valeur inconnue|";
        var entete = Retourner(lignes[0]).ToUpperInvariant().Replace("VALEUR INCONNUE", "Fonction / rôle", StringComparison.Ordinal);
        var lues = ToutLire(EchantillonRpps.Flux([entete, Retourner(lignes[2])]));

        var l = Ligne(lues, 2);
        Assert.Equal("19999990021", l.Rpps);
        Assert.Equal("TARDIVELLE", l.Nom);
        Assert.Equal("JULIEN", l.Prenom);
        Assert.Equal("18033", l.CodeCommune);
        Assert.Equal("SM54", l.CodeSpecialite);
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused_naming_them()
    {
        // The Pro Santé Connect extraction looks alike but is not the activity file.
        var entete = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom de famille|Prénoms|Date de naissance|";

        var refus = Assert.IsType<OuvertureRpps.Refuse>(LecteurRpps.Ouvrir(EchantillonRpps.Flux([entete, "8|19999990013|819999990013|X|Y|01/01/1970|"]), null));

        Assert.Contains("Colonnes manquantes : ", refus.Message);
        Assert.Contains("Nom d'exercice", refus.Message);
        Assert.Contains("Code commune (coord. structure)", refus.Message);
        Assert.DoesNotContain("Identifiant PP,", refus.Message);
    }

    [Fact]
    public void Crlf_line_ends_and_a_utf8_bom_are_accepted()
    {
        var lues = ToutLire(EchantillonRpps.Flux(EchantillonRpps.Lignes(), "\r\n", bom: true));

        Assert.Equal(65, lues.Count(l => l.Statut == StatutLigne.Retenue));
        Assert.Equal("D'ALÈNE-ÉTIÉVANT", Ligne(lues, 65).Nom);
        Assert.DoesNotContain(lues, l => l.Donnees!.Rpps.Contains('\r', StringComparison.Ordinal) || (l.Donnees.Telephone ?? "").Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_without_the_trailing_pipe_is_accepted()
    {
        var lignes = EchantillonRpps.Lignes();
        lignes[0] = lignes[0][..^1];

        var lues = ToutLire(EchantillonRpps.Flux(lignes));

        Assert.Equal(65, lues.Count(l => l.Statut == StatutLigne.Retenue));
    }

    [Theory]
    [InlineData("19999990013", true)]
    [InlineData("19999990641", true)]
    [InlineData("10000000017", true)]
    [InlineData("19999990014", false)]
    [InlineData("19999990031", false)]
    public void The_rpps_key_is_a_luhn_check_digit(string rpps, bool valide)
    {
        Assert.Equal(valide, LecteurRpps.CleLuhnValide(rpps));
    }

    [Fact]
    public void A_line_with_a_bad_rpps_key_is_rejected_with_its_number_and_the_reading_goes_on()
    {
        var lignes = EchantillonRpps.Lignes();
        lignes[9] = EchantillonRpps.Remplacer(EchantillonRpps.Remplacer(lignes[9], 2, "19999990105"), 3, "819999990105");

        var lues = ToutLire(EchantillonRpps.Flux(lignes));

        var rejet = Assert.Single(lues, l => l.Statut == StatutLigne.Rejetee);
        Assert.Equal(10, rejet.Ligne);
        Assert.Equal("clé RPPS invalide", rejet.Raison);
        Assert.Equal(64, lues.Count(l => l.Statut == StatutLigne.Retenue));
    }

    [Fact]
    public void A_line_with_a_wrong_field_count_is_rejected_with_its_number()
    {
        var lignes = EchantillonRpps.Lignes();
        lignes[19] = lignes[19].Replace("|Médecin|", "|", StringComparison.Ordinal);

        var lues = ToutLire(EchantillonRpps.Flux(lignes));

        var rejet = Assert.Single(lues, l => l.Statut == StatutLigne.Rejetee);
        Assert.Equal(20, rejet.Ligne);
        Assert.StartsWith("nombre de champs incorrect", rejet.Raison);
    }

    [Theory]
    [InlineData(3, "829999990021", "identification nationale incohérente avec le numéro RPPS")]
    [InlineData(10, "99", "code profession inconnu : 99")]
    [InlineData(8, "", "nom d'exercice absent")]
    [InlineData(2, "1999999002", "numéro RPPS invalide (11 chiffres attendus)")]
    public void An_inconsistent_line_is_rejected_with_the_reason(int colonne, string valeur, string raison)
    {
        var lignes = EchantillonRpps.Lignes();
        lignes[2] = EchantillonRpps.Remplacer(lignes[2], colonne, valeur);

        var lues = ToutLire(EchantillonRpps.Flux(lignes));

        Assert.Equal(raison, Assert.Single(lues, l => l.Statut == StatutLigne.Rejetee).Raison);
    }

    [Fact]
    public void Lines_out_of_the_territory_and_adeli_lines_are_skipped()
    {
        var lignes = EchantillonRpps.Lignes();
        lignes[1] = EchantillonRpps.Remplacer(EchantillonRpps.Remplacer(lignes[1], 1, "0"), 3, "019999990013");

        var lues = ToutLire(EchantillonRpps.Flux(lignes), new HashSet<string> { "18033" });

        Assert.Equal(21, lues.Count(l => l.Statut == StatutLigne.Retenue));
        Assert.Equal(44, lues.Count(l => l.Statut == StatutLigne.Ignoree));
        Assert.All(lues.Where(l => l.Statut == StatutLigne.Retenue), l => Assert.Equal("18033", l.Donnees!.CodeCommune));
    }

    [Fact]
    public void One_professional_on_two_sites_gives_two_lines_with_the_same_rpps()
    {
        var lues = ToutLire(File.OpenRead(EchantillonRpps.Chemin));

        var (a, b) = (Ligne(lues, 62), Ligne(lues, 63));
        Assert.Equal(a.Rpps, b.Rpps);
        Assert.Equal("C1999999061700", a.IdentifiantSite);
        Assert.Equal("C1999999061701", b.IdentifiantSite);
        Assert.Equal("18205", b.CodeCommune);
    }

    [Fact]
    public void A_missing_postcode_is_kept_with_the_insee_commune()
    {
        var l = Ligne(ToutLire(File.OpenRead(EchantillonRpps.Chemin)), 64);

        Assert.Null(l.CodePostal);
        Assert.Equal("18242", l.CodeCommune);
        Assert.Equal("Sancoins", l.LibelleCommune);
    }

    [Fact]
    public void Accents_hyphens_and_apostrophes_of_names_are_kept()
    {
        var l = Ligne(ToutLire(File.OpenRead(EchantillonRpps.Chemin)), 65);

        Assert.Equal("D'ALÈNE-ÉTIÉVANT", l.Nom);
        Assert.Equal("MARIE-HÉLÈNE", l.Prenom);
    }

    [Fact]
    public void A_salaried_hospital_doctor_keeps_the_finess_of_his_site()
    {
        var l = Ligne(ToutLire(File.OpenRead(EchantillonRpps.Chemin)), 66);

        Assert.Equal("S", l.ModeExercice);
        Assert.Equal("SA01", l.SecteurActivite);
        Assert.Equal("189999915", l.FinessSite);
        Assert.Equal("189999907", l.FinessJuridique);
        Assert.Equal("99999001300024", l.Siret);
        Assert.Equal("F189999915", l.IdentifiantSite);
    }

    [Fact]
    public void The_street_line_is_composed_as_printed()
    {
        var lues = ToutLire(File.OpenRead(EchantillonRpps.Chemin));

        Assert.Equal("47 B AVENUE DES ACACIAS", Ligne(lues, 3).Voie);
        Assert.Equal("7 T RUE DES COQUELICOTS", Ligne(lues, 19).Voie);
    }
}
