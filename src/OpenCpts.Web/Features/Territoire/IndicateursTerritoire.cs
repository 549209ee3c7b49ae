using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>The territory of the CPTS and its indicators (no personal data: institutional readers see it too).</summary>
public sealed record TableauTerritoire(
    int CptsId,
    string NomCpts,
    IReadOnlyList<CommuneDuTerritoire> Communes,
    long Population,
    int Professionnels,
    int Membres,
    IReadOnlyList<ProfessionDuTerritoire> ParProfession,
    ProfessionDuTerritoire MedecineGenerale)
{
    public int TailleAci => global::OpenCpts.Web.Features.Territoire.TailleAci.Calculer(Population);
    public string LibelleTailleAci => global::OpenCpts.Web.Features.Territoire.TailleAci.Libelle(TailleAci);
    public double? DensitePour10000 => IndicateursTerritoire.Pour10000(Professionnels, Population);
}

public sealed record CommuneDuTerritoire(string CodeInsee, string Nom, string Departement, IReadOnlyList<string> CodesPostaux, int Population, int Professionnels);

public sealed record ProfessionDuTerritoire(string Code, string Libelle, int Professionnels, int Membres, double? Pour10000);

/// <summary>
/// Computes the territory indicators. A professional is in the territory when one of his activities
/// is in one of its communes; he counts once per profession, and once in each commune where he practises.
/// </summary>
public sealed class IndicateursTerritoire(OpenCptsDb db, CptsCourante cptsCourante)
{
    /// <summary>Null when no CPTS is configured yet.</summary>
    public async Task<TableauTerritoire?> ExecuteAsync(CancellationToken ct = default)
    {
        var cpts = await cptsCourante.TrouverAsync(ct);
        if (cpts is null)
        {
            return null;
        }
        var codes = db.CommunesTerritoire.Where(t => t.CptsId == cpts.Id).Select(t => t.CodeInsee);

        var communes = await db.CommunesTerritoire
            .Where(t => t.CptsId == cpts.Id)
            .Select(t => new { t.CodeInsee, t.Commune!.Nom, t.Commune.Departement, t.Commune.CodesPostaux, t.Commune.Population })
            .ToListAsync(ct);

        // Distinct (commune, professional) pairs: a professional with two cabinets in one commune counts once there.
        var presences = await db.Activites
            .Where(a => a.CodeCommune != null && codes.Contains(a.CodeCommune))
            .Select(a => new { a.CodeCommune, a.ProfessionnelId })
            .Distinct()
            .ToListAsync(ct);
        var parCommune = presences.GroupBy(p => p.CodeCommune!).ToDictionary(g => g.Key, g => g.Count());

        var professionnels = await db.Professionnels
            .Where(p => p.Activites.Any(a => a.CodeCommune != null && codes.Contains(a.CodeCommune)))
            .Select(p => new { p.CodeProfession, p.CodeSpecialite, Membre = p.Adhesions.Any(a => a.CptsId == cpts.Id) })
            .ToListAsync(ct);

        var population = communes.Sum(c => (long)c.Population);
        var membres = await db.Adhesions.CountAsync(a => a.CptsId == cpts.Id, ct);

        var parProfession = professionnels
            .GroupBy(p => p.CodeProfession)
            .Select(g => new ProfessionDuTerritoire(
                g.Key,
                Terminologies.Instance.Professions.Libelle(g.Key),
                g.Count(),
                g.Count(p => p.Membre),
                Pour10000(g.Count(), population)))
            .OrderByDescending(p => p.Professionnels)
            .ThenBy(p => p.Libelle, StringComparer.Ordinal)
            .ToList();

        // General practice is what a CPTS watches most: shown apart within the médecins.
        var generalistes = professionnels.Where(p => p.CodeProfession == "10" && SpecialitesMedecineGenerale.Contains(p.CodeSpecialite)).ToList();
        var medecineGenerale = new ProfessionDuTerritoire("SM54", "dont médecine générale", generalistes.Count,
            generalistes.Count(p => p.Membre), Pour10000(generalistes.Count, population));

        var lignes = communes
            .OrderByDescending(c => c.Population)
            .ThenBy(c => c.Nom, StringComparer.Ordinal)
            .Select(c => new CommuneDuTerritoire(
                c.CodeInsee, c.Nom, c.Departement,
                c.CodesPostaux.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                c.Population,
                parCommune.GetValueOrDefault(c.CodeInsee)))
            .ToList();

        return new TableauTerritoire(cpts.Id, cpts.Nom, lignes, population, professionnels.Count, membres, parProfession, medecineGenerale);
    }

    /// <summary>TRE_R38 codes of general practice (médecine générale, qualifié, spécialiste en MG).</summary>
    private static readonly string[] SpecialitesMedecineGenerale = ["SM54", "SM26", "SM53"];

    /// <summary>Professionals per 10 000 inhabitants; null for an empty territory.</summary>
    public static double? Pour10000(int nombre, long population) =>
        population > 0 ? Math.Round(nombre * 10_000d / population, 1) : null;
}
