using System.Diagnostics;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;

namespace OpenCpts.Bench;

/// <summary>
/// The matching solver alone on a synthetic territory: N waiting patients over M GPs with restrictions (communes,
/// age bands, required criteria, pauses), deterministic seed. Times a cold run (OR-Tools native library loaded on
/// first use) and a warm one, and reports peak memory.
/// </summary>
public static class BancAppariement
{
    public static int Executer(int nbPatients, int nbMedecins)
    {
        var (patients, medecins) = Generer(nbPatients, nbMedecins, 2026);
        Console.WriteLine($"{patients.Count:N0} patients, {medecins.Count:N0} médecins ({medecins.Count(m => m.EnPause)} en pause, " +
            $"{medecins.Count(m => m.Communes.Count > 0)} avec communes, {medecins.Count(m => m.AgeMin is not null || m.AgeMax is not null)} avec âges, " +
            $"{medecins.Count(m => m.CriteresExiges != CriteresPriorite.Aucun)} avec critères), capacité totale {medecins.Where(m => !m.EnPause).Sum(m => m.CapaciteRestante):N0}");
        foreach (var passe in new[] { "à froid", "à chaud" })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var chrono = Stopwatch.StartNew();
            var resultat = Appariement.Resoudre(patients, medecins);
            chrono.Stop();
            var cpuPasse = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"Appariement {passe} : {resultat.Affectations.Count:N0} affectés, {resultat.NonAffectees:N0} sans médecin, " +
                $"{chrono.Elapsed.TotalSeconds:N2} s (CPU {cpuPasse.TotalSeconds:N2} s)");
        }
        using var processus = Process.GetCurrentProcess();
        Console.WriteLine($"Mémoire : pic du processus (working set) {processus.PeakWorkingSet64 / 1e6:N0} Mo, alloué (géré) {GC.GetTotalAllocatedBytes() / 1e6:N0} Mo");
        return 0;
    }

    /// <summary>Communes of a 40-commune territory around Bourges (synthetic codes and coordinates).</summary>
    public static (List<PatientAApparier> Patients, List<MedecinAApparier> Medecins) Generer(int nbPatients, int nbMedecins, int graine)
    {
        var hasard = new Random(graine);
        var lieux = Enumerable.Range(0, 40)
            .Select(i => new LieuAppariement($"18{i:D3}", "18", $"18{i % 12:D3}", 47.08 + ((hasard.NextDouble() - 0.5) * 0.6), 2.40 + ((hasard.NextDouble() - 0.5) * 0.8)))
            .ToArray();
        var criteres = Criteres.Tous.Select(c => c.Critere).ToArray();
        var patients = new List<PatientAApparier>(nbPatients);
        for (var i = 0; i < nbPatients; i++)
        {
            var c = CriteresPriorite.Aucun;
            for (var k = hasard.Next(4); k > 0; k--)
            {
                c |= criteres[hasard.Next(criteres.Length)];
            }
            // Scores as the default weights make them: criteria + 5 points per month waited (0–36 months).
            var score = criteres.Where(x => c.HasFlag(x)).Sum(_ => 20) + (5 * hasard.Next(37));
            patients.Add(new PatientAApparier(i + 1, score, hasard.Next(0, 100), c, lieux[hasard.Next(lieux.Length)]));
        }
        var medecins = new List<MedecinAApparier>(nbMedecins);
        for (var m = 0; m < nbMedecins; m++)
        {
            var communes = hasard.Next(3) == 0 ? lieux.OrderBy(_ => hasard.Next()).Take(hasard.Next(2, 10)).Select(l => l.CodeCommune).ToHashSet() : [];
            var ages = hasard.Next(5) switch { 0 => (16, (int?)null), 1 => (0, 18), 2 => (0, 75), _ => ((int?)null, (int?)null) };
            var exiges = hasard.Next(6) switch { 0 => CriteresPriorite.Ald, 1 => CriteresPriorite.Ald | CriteresPriorite.Plus70, 2 => CriteresPriorite.Moins16 | CriteresPriorite.Grossesse, _ => CriteresPriorite.Aucun };
            medecins.Add(new MedecinAApparier(m + 1, hasard.Next(5, 41), communes, ages.Item1, ages.Item2, exiges, hasard.Next(10) == 0,
                lieux[hasard.Next(lieux.Length)]));
        }
        return (patients, medecins);
    }
}
