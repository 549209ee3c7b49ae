using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;

namespace OpenCpts.Tests.Features.MedecinTraitant.Propositions;

/// <summary>Properties of the solver on seeded random instances, and small hand-made cases.</summary>
public class AppariementTests
{
    private static readonly LieuAppariement[] Lieux =
    [
        new("18033", "18", "18000", 47.0810, 2.3988),
        new("18205", "18", "18570", 47.1150, 2.3620),
        new("18138", "18", "18390", 47.0700, 2.4900),
        new("18050", "18", "18230", 47.1040, 2.3200),
        new("18028", "18", "18340", 46.9600, 2.4400),
        new("36044", "36", "36000", 46.8100, 1.6900),
        // No coordinates: coarse levels only.
        new("18180", "18", "18120", null, null),
    ];

    private static readonly CriteresPriorite[] TousCriteres = [.. Criteres.Tous.Select(c => c.Critere)];

    private static (List<PatientAApparier> Patients, List<MedecinAApparier> Medecins) Instance(int graine, int nbPatients, int nbMedecins)
    {
        var hasard = new Random(graine);
        var patients = new List<PatientAApparier>();
        for (var i = 0; i < nbPatients; i++)
        {
            var criteres = CriteresPriorite.Aucun;
            for (var c = hasard.Next(3); c > 0; c--)
            {
                criteres |= TousCriteres[hasard.Next(TousCriteres.Length)];
            }
            patients.Add(new PatientAApparier(i + 1, hasard.Next(0, 8) * 10, hasard.Next(0, 95), criteres, Lieux[hasard.Next(Lieux.Length)]));
        }
        var medecins = new List<MedecinAApparier>();
        for (var m = 0; m < nbMedecins; m++)
        {
            var communes = hasard.Next(3) == 0 ? Lieux.OrderBy(_ => hasard.Next()).Take(2).Select(l => l.CodeCommune).ToHashSet() : [];
            int? ageMin = hasard.Next(4) == 0 ? 16 : null;
            int? ageMax = hasard.Next(5) == 0 ? 60 : null;
            var exiges = hasard.Next(5) == 0 ? CriteresPriorite.Ald : CriteresPriorite.Aucun;
            medecins.Add(new MedecinAApparier(100 + m, hasard.Next(0, 6), communes, ageMin, ageMax, exiges, hasard.Next(8) == 0,
                hasard.Next(6) == 0 ? null : Lieux[hasard.Next(Lieux.Length)]));
        }
        return (patients, medecins);
    }

    // Written out again here rather than calling the solver's own rule, so that a mistake there shows.
    private static bool Accepte(MedecinAApparier m, PatientAApparier p) =>
        !m.EnPause && m.CapaciteRestante > 0
        && (m.Communes.Count == 0 || m.Communes.Contains(p.Lieu.CodeCommune))
        && (m.AgeMin is null || p.Age >= m.AgeMin) && (m.AgeMax is null || p.Age <= m.AgeMax)
        && (m.CriteresExiges == CriteresPriorite.Aucun || (p.Criteres & m.CriteresExiges) != 0);

    public static TheoryData<int> Graines => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Theory, MemberData(nameof(Graines))]
    public void No_GP_receives_more_patients_than_his_remaining_capacity(int graine)
    {
        var (patients, medecins) = Instance(graine, 300, 25);

        var resultat = Appariement.Resoudre(patients, medecins);

        foreach (var m in medecins)
        {
            Assert.True(resultat.Affectations.Count(a => a.ProfessionnelId == m.ProfessionnelId) <= m.CapaciteRestante);
        }
        Assert.Equal(patients.Count, resultat.Affectations.Count + resultat.NonAffectees);
        Assert.Equal(resultat.Affectations.Count, resultat.Affectations.Select(a => a.DemandeId).Distinct().Count());
    }

    [Theory, MemberData(nameof(Graines))]
    public void No_patient_is_placed_against_a_restriction_of_his_GP(int graine)
    {
        var (patients, medecins) = Instance(graine, 300, 25);

        var resultat = Appariement.Resoudre(patients, medecins);

        var parId = patients.ToDictionary(p => p.DemandeId);
        var medecinsParId = medecins.ToDictionary(m => m.ProfessionnelId);
        Assert.All(resultat.Affectations, a => Assert.True(Accepte(medecinsParId[a.ProfessionnelId], parId[a.DemandeId])));
    }

    [Theory, MemberData(nameof(Graines))]
    public void A_higher_priority_patient_is_never_left_while_a_lower_one_with_the_same_options_is_placed(int graine)
    {
        var (patients, medecins) = Instance(graine, 300, 25);

        var resultat = Appariement.Resoudre(patients, medecins);

        var places = resultat.Affectations.Select(a => a.DemandeId).ToHashSet();
        string Options(PatientAApparier p) => string.Join(',', medecins.Where(m => Accepte(m, p)).Select(m => m.ProfessionnelId));
        var laisses = patients.Where(p => !places.Contains(p.DemandeId)).ToList();
        foreach (var q in patients.Where(p => places.Contains(p.DemandeId)))
        {
            Assert.DoesNotContain(laisses, p => p.Score > q.Score && Options(p) == Options(q));
        }
        Assert.NotEmpty(laisses);
    }

    [Theory, MemberData(nameof(Graines))]
    public void No_patient_is_left_while_a_GP_who_accepts_him_still_has_room(int graine)
    {
        var (patients, medecins) = Instance(graine, 300, 25);

        var resultat = Appariement.Resoudre(patients, medecins);

        var places = resultat.Affectations.Select(a => a.DemandeId).ToHashSet();
        var libres = medecins.Where(m => resultat.Affectations.Count(a => a.ProfessionnelId == m.ProfessionnelId) < m.CapaciteRestante).ToList();
        Assert.DoesNotContain(patients, p => !places.Contains(p.DemandeId) && libres.Any(m => Accepte(m, p)));
    }

    [Fact]
    public void With_equal_priorities_the_nearest_GP_is_chosen()
    {
        var patient = new PatientAApparier(1, 20, 40, CriteresPriorite.Aucun, Lieux[0]);
        var loin = new MedecinAApparier(10, 1, new HashSet<string>(), null, null, CriteresPriorite.Aucun, false, Lieux[5]);
        var proche = new MedecinAApparier(11, 1, new HashSet<string>(), null, null, CriteresPriorite.Aucun, false, Lieux[1]);

        var resultat = Appariement.Resoudre([patient], [loin, proche]);

        var affectation = Assert.Single(resultat.Affectations);
        Assert.Equal(11, affectation.ProfessionnelId);
        Assert.InRange(affectation.DistanceKm!.Value, 1, 10);
    }

    [Fact]
    public void With_equal_priorities_the_place_goes_to_the_patient_living_nearest()
    {
        var loin = new PatientAApparier(1, 20, 40, CriteresPriorite.Aucun, Lieux[5]);
        var proche = new PatientAApparier(2, 20, 40, CriteresPriorite.Aucun, Lieux[0]);
        var medecin = new MedecinAApparier(10, 1, new HashSet<string>(), null, null, CriteresPriorite.Aucun, false, Lieux[0]);

        var resultat = Appariement.Resoudre([loin, proche], [medecin]);

        Assert.Equal(2, Assert.Single(resultat.Affectations).DemandeId);
        Assert.Equal(1, resultat.NonAffectees);
    }

    [Fact]
    public void Priority_wins_over_distance()
    {
        var procheMoinsPrioritaire = new PatientAApparier(1, 10, 40, CriteresPriorite.Aucun, Lieux[0]);
        var loinPrioritaire = new PatientAApparier(2, 11, 40, CriteresPriorite.Aucun, Lieux[5]);
        var medecin = new MedecinAApparier(10, 1, new HashSet<string>(), null, null, CriteresPriorite.Aucun, false, Lieux[0]);

        var resultat = Appariement.Resoudre([procheMoinsPrioritaire, loinPrioritaire], [medecin]);

        Assert.Equal(2, Assert.Single(resultat.Affectations).DemandeId);
    }

    [Fact]
    public void A_patient_with_a_zero_score_still_takes_a_free_place()
    {
        var patient = new PatientAApparier(1, 0, 40, CriteresPriorite.Aucun, Lieux[5]);
        var medecin = new MedecinAApparier(10, 1, new HashSet<string>(), null, null, CriteresPriorite.Aucun, false, Lieux[0]);

        Assert.Single(Appariement.Resoudre([patient], [medecin]).Affectations);
    }

    [Fact]
    public void A_paused_GP_gets_nothing()
    {
        var patient = new PatientAApparier(1, 50, 40, CriteresPriorite.Ald, Lieux[0]);
        var enPause = new MedecinAApparier(10, 5, new HashSet<string>(), null, null, CriteresPriorite.Aucun, true, Lieux[0]);

        var resultat = Appariement.Resoudre([patient], [enPause]);

        Assert.Empty(resultat.Affectations);
        Assert.Equal(1, resultat.NonAffectees);
    }
}
