using Microsoft.Extensions.Time.Testing;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Tests.Infrastructure.Patients;

/// <summary>The one patient identity: the rules every feature shares (pure functions, no database).</summary>
public class IdentitePatientTests
{
    private static readonly DateOnly Aujourdhui = new(2026, 11, 23);

    private static readonly SaisieIdentite Valide = new("Durand", "Alice", new DateOnly(1980, 5, 17), "F", "06 12 34 56 78", "alice@exemple.invalid",
        "1 80 05 18 033 001 65", "18033");

    private static string[] Erreur(SaisieIdentite saisie, string champ, ExigencesIdentite exigences = ExigencesIdentite.NomEtNaissance) =>
        ValiderIdentitePatient.Valider(saisie, exigences, Aujourdhui).Erreurs.GetValueOrDefault(champ) ?? [];

    [Fact]
    public void A_complete_identity_comes_out_trimmed_with_its_phone_and_INS_in_canonical_form()
    {
        var (identite, erreurs) = ValiderIdentitePatient.Valider(Valide with { Nom = "  Durand ", Sexe = "f" }, ExigencesIdentite.Sexe, Aujourdhui);

        Assert.Empty(erreurs);
        Assert.Equal(new IdentitePatient("Durand", "Alice", new DateOnly(1980, 5, 17), "F", "0612345678", "alice@exemple.invalid", "180051803300165", "18033"), identite);
    }

    [Theory]
    [InlineData("180051803300165")] // mainland
    [InlineData("285032A00401285")] // Corsica, 2A counted as 19
    [InlineData("285032B00401215")] // Corsica, 2B counted as 18
    [InlineData("2 90 05 75 056 123 84")]
    public void An_INS_with_the_right_key_is_accepted(string ins) =>
        Assert.Empty(Erreur(Valide with { Ins = ins }, ChampsIdentite.Ins));

    [Theory]
    [InlineData("180051803300166", "clé")] // key off by one
    [InlineData("285032A00401215", "clé")] // the key of 2B under 2A
    [InlineData("18005180330016", "15 caractères")] // 14 characters
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "15 caractères")] // the old "30 alphanumerics"
    [InlineData("1800518033X0165", "15 caractères")]
    public void An_INS_of_the_wrong_shape_or_key_is_refused_in_French(string ins, string attendu) =>
        Assert.Contains(attendu, Assert.Single(Erreur(Valide with { Ins = ins }, ChampsIdentite.Ins)), StringComparison.Ordinal);

    [Fact]
    public void The_key_of_thirteen_characters_is_97_minus_their_remainder_by_97()
    {
        Assert.Equal(65, Nir.Cle("1800518033001"));
        Assert.Equal("285032A00401285", Nir.AvecCle("285032A004012"));
    }

    [Theory]
    [InlineData("06 12 34 56 78", "0612345678")]
    [InlineData("06.12.34.56.78", "0612345678")]
    [InlineData("06-12-34-56-78", "0612345678")]
    [InlineData("+33 6 12 34 56 78", "0612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "0612345678")]
    [InlineData("0033612345678", "0612345678")]
    [InlineData("02 48 00 00 00", "0248000000")]
    [InlineData("12345", null)]
    [InlineData("0012345678", null)]
    [InlineData("06 12 34 56 7a", null)]
    [InlineData("+44 20 7946 0958", null)]
    public void French_phone_numbers_are_normalised_to_ten_digits(string saisie, string? attendu) =>
        Assert.Equal(attendu, NumeroTelephone.Normaliser(saisie));

    [Fact]
    public void A_phone_that_is_not_French_is_refused_with_the_same_message_everywhere()
    {
        Assert.Equal([NumeroTelephone.MessageInvalide], Erreur(Valide with { Telephone = "12345" }, ChampsIdentite.Telephone));
        Assert.Contains("obligatoire", Erreur(Valide with { Telephone = null }, ChampsIdentite.Telephone, ExigencesIdentite.Telephone)[0], StringComparison.Ordinal);
        Assert.Empty(Erreur(Valide with { Telephone = null }, ChampsIdentite.Telephone));
        Assert.Contains("e-mail", Erreur(Valide with { Telephone = " ", Email = null }, ChampsIdentite.Telephone, ExigencesIdentite.TelephoneOuEmail)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_required_and_hold_only_letters_spaces_hyphens_and_apostrophes()
    {
        Assert.Equal(["Le nom est obligatoire."], Erreur(Valide with { Nom = "  " }, ChampsIdentite.Nom));
        Assert.Equal(["Le prénom est obligatoire."], Erreur(Valide with { Prenom = null }, ChampsIdentite.Prenom));
        Assert.NotEmpty(Erreur(Valide with { Nom = "<script>" }, ChampsIdentite.Nom));
        Assert.NotEmpty(Erreur(Valide with { Nom = "Durand2" }, ChampsIdentite.Nom));
        Assert.NotEmpty(Erreur(Valide with { Nom = new string('a', 101) }, ChampsIdentite.Nom));
        Assert.Empty(Erreur(Valide with { Nom = "D'Arc-Lefèvre", Prenom = "Jean-Édouard" }, ChampsIdentite.Nom));
    }

    [Fact]
    public void The_birth_date_is_required_past_and_not_before_1900()
    {
        Assert.Contains("obligatoire", Erreur(Valide with { DateNaissance = null }, ChampsIdentite.DateNaissance)[0], StringComparison.Ordinal);
        Assert.Contains("futur", Erreur(Valide with { DateNaissance = Aujourdhui.AddDays(1) }, ChampsIdentite.DateNaissance)[0], StringComparison.Ordinal);
        Assert.Empty(Erreur(Valide with { DateNaissance = Aujourdhui }, ChampsIdentite.DateNaissance));
        Assert.Contains("1900", Erreur(Valide with { DateNaissance = new DateOnly(1899, 12, 31) }, ChampsIdentite.DateNaissance)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Today_is_the_Paris_date_so_a_baby_born_after_midnight_in_France_is_not_born_in_the_future()
    {
        // 23:30 UTC on 31 December is 00:30 on 1 January in Paris.
        var horloge = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        var aujourdhui = HeureParis.Aujourdhui(horloge);

        Assert.Equal(new DateOnly(2027, 1, 1), aujourdhui);
        Assert.Empty(ValiderIdentitePatient.Valider(Valide with { DateNaissance = new DateOnly(2027, 1, 1) }, ExigencesIdentite.NomEtNaissance, aujourdhui).Erreurs);
    }

    [Fact]
    public void Sex_comes_from_the_code_set_and_is_required_only_where_asked()
    {
        Assert.Equal(["Le sexe doit être F, M ou I."], Erreur(Valide with { Sexe = "X" }, ChampsIdentite.Sexe));
        Assert.Equal(["Le sexe est obligatoire (F, M ou I)."], Erreur(Valide with { Sexe = null }, ChampsIdentite.Sexe, ExigencesIdentite.Sexe));
        Assert.Empty(Erreur(Valide with { Sexe = null }, ChampsIdentite.Sexe));
    }

    [Fact]
    public void A_commune_code_must_have_the_INSEE_shape_and_is_required_only_where_asked()
    {
        Assert.Contains("ne correspond à aucune commune", Erreur(Valide with { CommuneInsee = "180" }, ChampsIdentite.CommuneInsee)[0], StringComparison.Ordinal);
        Assert.Equal(["La commune est obligatoire."], Erreur(Valide with { CommuneInsee = null }, ChampsIdentite.CommuneInsee, ExigencesIdentite.CommuneInsee));
        Assert.Empty(Erreur(Valide with { CommuneInsee = "2a004" }, ChampsIdentite.CommuneInsee));
    }
}
