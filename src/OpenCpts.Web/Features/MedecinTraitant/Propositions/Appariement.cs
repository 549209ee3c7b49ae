using Google.OrTools.Graph;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>Where a patient lives or a GP practises, for the distance rules of unscheduled care.</summary>
/// <param name="CodeCommune">INSEE code.</param>
/// <param name="Departement">Département code of the commune.</param>
/// <param name="CodesPostaux">Postcodes of the commune, comma-separated.</param>
public sealed record LieuAppariement(string CodeCommune, string Departement, string CodesPostaux, double? Latitude, double? Longitude);

/// <summary>A waiting patient as the solver sees him.</summary>
/// <param name="Score">Priority score (<see cref="CalculerPriorite"/>), 0 or more.</param>
/// <param name="Age">Age in full years on the day of the run.</param>
public sealed record PatientAApparier(long DemandeId, int Score, int Age, CriteresPriorite Criteres, LieuAppariement Lieu);

/// <summary>A GP as the solver sees him: what is left of his monthly capacity and his restrictions.</summary>
/// <param name="CapaciteRestante">Monthly capacity minus patients accepted this month and proposals awaiting his answer.</param>
/// <param name="Communes">INSEE codes accepted; empty = any commune.</param>
/// <param name="CriteresExiges">The patient must have one of these; <see cref="CriteresPriorite.Aucun"/> = any patient.</param>
/// <param name="Lieu">His practice site; null when unknown (then every distance is the worst one).</param>
public sealed record MedecinAApparier(
    int ProfessionnelId,
    int CapaciteRestante,
    IReadOnlySet<string> Communes,
    int? AgeMin,
    int? AgeMax,
    CriteresPriorite CriteresExiges,
    bool EnPause,
    LieuAppariement? Lieu);

/// <summary>One patient placed with one GP.</summary>
public sealed record AffectationCalculee(long DemandeId, int ProfessionnelId, double? DistanceKm);

public sealed record ResultatAppariement(IReadOnlyList<AffectationCalculee> Affectations, int NonAffectees);

/// <summary>
/// The matching of waiting patients to GPs, as one OR-Tools min-cost flow. Pure: no database, no clock.
/// <para>
/// Network: every patient has a supply of 1 and two ways out: to the sink directly (left unassigned, cost 0), or to
/// his <em>class</em> (cost −(score + 1)·K). A class gathers the patients who live at the same place and are eligible
/// for exactly the same GPs: they are interchangeable for every constraint and every distance, so the class node
/// carries one arc per eligible GP (cost = distance cost d ∈ [0, <see cref="CoutDistanceMax"/>]), and each GP one arc to
/// the sink with capacity = his remaining capacity. No arc is pruned: the result is the exact optimum, and the graph
/// has (patients × 2 + classes × GPs) arcs instead of patients × GPs (12 000 patients over 200 GPs make a few hundred
/// classes, because patients only carry a commune).
/// </para>
/// <para>
/// Why K = n·<see cref="CoutDistanceMax"/> + 1 (n = number of patients) makes priority dominate distance: the total
/// cost is −K·W + D, where W = Σ(score + 1) over placed patients and 0 ≤ D ≤ n·CoutDistanceMax &lt; K. Two
/// solutions with W₁ &gt; W₂ (integers, so W₁ ≥ W₂ + 1) have costs differing by at least K − n·CoutDistanceMax &gt; 0
/// in favour of W₁: the optimum maximises the priority served first, and only then minimises distance.
/// Consequence ("a higher-priority patient is never left while a lower-priority one with the same options is
/// placed"): if p (score sₚ) is unassigned while q (s_q &lt; sₚ) with the same eligible GPs is placed with g, giving g
/// to p instead keeps every capacity and restriction and raises W by sₚ − s_q ≥ 1, contradicting optimality. The
/// "+ 1" makes a patient with score 0 still worth a free place. With equal W, the smaller total distance wins.
/// </para>
/// </summary>
public static class Appariement
{
    /// <summary>Cost of the farthest or unknown distance: km are capped here (a CPTS territory is smaller).</summary>
    public const int CoutDistanceMax = 100;

    /// <summary>Whether the GP takes this patient: not paused, a place left, commune, age and criteria accepted.</summary>
    public static bool EstEligible(PatientAApparier patient, MedecinAApparier medecin) =>
        !medecin.EnPause
        && medecin.CapaciteRestante > 0
        && (medecin.Communes.Count == 0 || medecin.Communes.Contains(patient.Lieu.CodeCommune))
        && (medecin.AgeMin is not { } min || patient.Age >= min)
        && (medecin.AgeMax is not { } max || patient.Age <= max)
        && (medecin.CriteresExiges == CriteresPriorite.Aucun || (patient.Criteres & medecin.CriteresExiges) != 0);

    /// <summary>Same rules as unscheduled care (<see cref="RechercherCreneauxProposes"/>): km when both places have coordinates, else same commune / postcode / département.</summary>
    public static Proximite Mesurer(LieuAppariement patient, LieuAppariement? medecin)
    {
        if (medecin is null)
        {
            return Proximite.Inconnue;
        }
        return RechercherCreneauxProposes.Mesurer(
            new RechercherCreneauxProposes.LieuCommune(patient.CodeCommune, patient.Departement, patient.CodesPostaux, patient.Latitude, patient.Longitude),
            new RechercherCreneauxProposes.LieuCommune(medecin.CodeCommune, medecin.Departement, medecin.CodesPostaux, medecin.Latitude, medecin.Longitude),
            medecin.Latitude, medecin.Longitude);
    }

    /// <summary>Distance cost: whole km when known, else a coarse level (same commune 0, postcode 5, département 30, other 100).</summary>
    public static int CoutDistance(Proximite proximite) => proximite switch
    {
        { Niveau: Proximite.MemeCommune } => 0,
        { Km: { } km } => (int)Math.Min(CoutDistanceMax, Math.Round(km)),
        { Niveau: Proximite.MemeCodePostal } => 5,
        { Niveau: Proximite.MemeDepartement } => 30,
        _ => CoutDistanceMax,
    };

    public static ResultatAppariement Resoudre(IReadOnlyList<PatientAApparier> patients, IReadOnlyList<MedecinAApparier> medecins)
    {
        var actifs = medecins.Where(m => !m.EnPause && m.CapaciteRestante > 0).ToArray();
        if (patients.Count == 0 || actifs.Length == 0)
        {
            return new([], patients.Count);
        }

        // Classes: same place, same eligible GPs (bit set over the active GPs).
        var mots = (actifs.Length + 63) / 64;
        var classes = new Dictionary<CleClasse, int>();
        var lieuxClasses = new List<LieuAppariement>();
        var eligiblesClasses = new List<ulong[]>();
        var classeDuPatient = new int[patients.Count];
        var bits = new ulong[mots];
        for (var i = 0; i < patients.Count; i++)
        {
            var p = patients[i];
            Array.Clear(bits);
            var aucun = true;
            for (var m = 0; m < actifs.Length; m++)
            {
                if (EstEligible(p, actifs[m]))
                {
                    bits[m >> 6] |= 1UL << (m & 63);
                    aucun = false;
                }
            }
            if (aucun)
            {
                classeDuPatient[i] = -1;
                continue;
            }
            var cle = new CleClasse(p.Lieu, [.. bits]);
            if (!classes.TryGetValue(cle, out var c))
            {
                c = lieuxClasses.Count;
                classes.Add(cle, c);
                lieuxClasses.Add(p.Lieu);
                eligiblesClasses.Add(cle.Eligibles);
            }
            classeDuPatient[i] = c;
        }

        // Nodes: patients [0, n), classes [n, n + C), GPs [n + C, n + C + M), sink.
        var n = patients.Count;
        var nbClasses = lieuxClasses.Count;
        var puits = n + nbClasses + actifs.Length;
        long k = ((long)n * CoutDistanceMax) + 1;
        using var flot = new MinCostFlow();
        var arcsPatients = new int[n];
        for (var i = 0; i < n; i++)
        {
            flot.SetNodeSupply(i, 1);
            flot.AddArcWithCapacityAndUnitCost(i, puits, 1, 0);
            arcsPatients[i] = classeDuPatient[i] < 0 ? -1
                : flot.AddArcWithCapacityAndUnitCost(i, n + classeDuPatient[i], 1, -((long)patients[i].Score + 1) * k);
        }
        var arcsClasses = new List<(int Classe, int Medecin, int Arc, Proximite Proximite)>();
        for (var c = 0; c < nbClasses; c++)
        {
            var eligibles = eligiblesClasses[c];
            for (var m = 0; m < actifs.Length; m++)
            {
                if ((eligibles[m >> 6] & (1UL << (m & 63))) != 0)
                {
                    var proximite = Mesurer(lieuxClasses[c], actifs[m].Lieu);
                    var arc = flot.AddArcWithCapacityAndUnitCost(n + c, n + nbClasses + m, actifs[m].CapaciteRestante, CoutDistance(proximite));
                    arcsClasses.Add((c, m, arc, proximite));
                }
            }
        }
        for (var m = 0; m < actifs.Length; m++)
        {
            flot.AddArcWithCapacityAndUnitCost(n + nbClasses + m, puits, actifs[m].CapaciteRestante, 0);
        }
        flot.SetNodeSupply(puits, -n);

        var statut = flot.Solve();
        if (statut != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow failed: {statut}");
        }

        // Placed patients of each class, highest score first, then dealt out to the class's GPs (interchangeable).
        var placesParClasse = new List<int>[nbClasses];
        for (var i = 0; i < n; i++)
        {
            if (arcsPatients[i] >= 0 && flot.Flow(arcsPatients[i]) > 0)
            {
                (placesParClasse[classeDuPatient[i]] ??= []).Add(i);
            }
        }
        var affectations = new List<AffectationCalculee>();
        var curseurs = new int[nbClasses];
        foreach (var (c, m, arc, proximite) in arcsClasses)
        {
            var nombre = (int)flot.Flow(arc);
            for (var j = 0; j < nombre; j++)
            {
                var i = placesParClasse[c][curseurs[c]++];
                affectations.Add(new AffectationCalculee(patients[i].DemandeId, actifs[m].ProfessionnelId, proximite.Km));
            }
        }
        return new(affectations, n - affectations.Count);
    }

    private sealed class CleClasse(LieuAppariement lieu, ulong[] eligibles) : IEquatable<CleClasse>
    {
        public LieuAppariement Lieu { get; } = lieu;
        public ulong[] Eligibles { get; } = eligibles;

        public bool Equals(CleClasse? other) =>
            other is not null && Lieu == other.Lieu && Eligibles.AsSpan().SequenceEqual(other.Eligibles);

        public override bool Equals(object? obj) => Equals(obj as CleClasse);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.Add(Lieu);
            foreach (var b in Eligibles)
            {
                h.Add(b);
            }
            return h.ToHashCode();
        }
    }
}
