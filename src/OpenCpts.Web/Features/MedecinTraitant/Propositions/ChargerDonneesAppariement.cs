using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Priorite;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.MedecinTraitant.Propositions;

/// <summary>A GP with a declared capacity, as shown on the capacity pages and the API.</summary>
public sealed record MedecinCapacite(
    int ProfessionnelId,
    string Rpps,
    string NomAffiche,
    CapaciteMedecin Capacite,
    int CapaciteRestante,
    LieuAppariement? Lieu,
    string? Commune);

/// <summary>The inputs of a matching run read from the database.</summary>
public sealed record DonneesAppariement(
    IReadOnlyList<PatientAApparier> Patients,
    IReadOnlyList<MedecinCapacite> Medecins,
    DateTime MaintenantUtc)
{
    public IReadOnlyList<MedecinAApparier> PourSolveur() => [.. Medecins.Select(ChargerDonneesAppariement.PourSolveur)];
}

/// <summary>
/// Reads what the solver needs: the waiting requests of the CPTS with their score, and the GPs with a capacity, with
/// what is left of it this month (Paris calendar month): monthly capacity minus patients accepted this month and
/// proposals awaiting an answer.
/// </summary>
public sealed class ChargerDonneesAppariement(OpenCptsDb db, CptsCourante cpts, TimeProvider horloge)
{
    /// <summary>First instant (UTC) of the Paris calendar month containing <paramref name="maintenantUtc"/>.</summary>
    public static DateTime DebutDuMoisUtc(DateTime maintenantUtc)
    {
        var jour = HeureParis.Jour(maintenantUtc);
        return HeureParis.VersUtc(new DateTime(jour.Year, jour.Month, 1, 0, 0, 0, DateTimeKind.Unspecified))!.Value;
    }

    /// <summary>Full years between birth and the Paris day of <paramref name="maintenantUtc"/>.</summary>
    public static int Age(DateOnly naissance, DateTime maintenantUtc)
    {
        var jour = HeureParis.Jour(maintenantUtc);
        var age = jour.Year - naissance.Year;
        return naissance.AddYears(age) > jour ? age - 1 : age;
    }

    public static MedecinAApparier PourSolveur(MedecinCapacite m) => new(
        m.ProfessionnelId, m.CapaciteRestante, m.Capacite.Communes().ToHashSet(StringComparer.Ordinal),
        m.Capacite.AgeMin, m.Capacite.AgeMax, m.Capacite.CriteresExiges, m.Capacite.EnPause, m.Lieu);

    public async Task<DonneesAppariement> ExecuteAsync(CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var poids = await db.PonderationsPriorite.AsNoTracking().FirstOrDefaultAsync(p => p.CptsId == cptsId, ct) ?? new PonderationPriorite();
        var demandes = await db.DemandesMedecinTraitant.AsNoTracking()
            .Where(d => d.CptsId == cptsId && d.Statut == StatutsDemandeMt.EnAttente)
            .Select(d => new { d.Id, d.DateNaissance, d.Criteres, d.InscritLeUtc, d.CodeCommune })
            .ToListAsync(ct);
        var medecins = await MedecinsAsync(null, ct);
        var codes = demandes.Select(d => d.CodeCommune).Distinct().ToList();
        var lieux = await LieuxCommunesAsync(codes, ct);
        var patients = demandes
            .Where(d => lieux.ContainsKey(d.CodeCommune))
            .Select(d => new PatientAApparier(d.Id, CalculerPriorite.Total(poids, d.Criteres, d.InscritLeUtc, maintenant),
                Age(d.DateNaissance, maintenant), d.Criteres, lieux[d.CodeCommune]))
            .ToList();
        return new(patients, medecins, maintenant);
    }

    /// <summary>GPs with a declared capacity (one when <paramref name="professionnelId"/> is given), by name.</summary>
    public async Task<IReadOnlyList<MedecinCapacite>> MedecinsAsync(int? professionnelId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var debutMois = DebutDuMoisUtc(maintenant);
        var territoire = (await cpts.CodesCommunesAsync(ct)).ToList();
        var capacites = db.CapacitesMedecin.AsNoTracking();
        if (professionnelId is { } id)
        {
            capacites = capacites.Where(c => c.ProfessionnelId == id);
        }
        var lignes = await (from c in capacites
                            join p in db.Professionnels on c.ProfessionnelId equals p.Id
                            select new { Capacite = c, p.Rpps, p.CiviliteExercice, p.Prenom, p.Nom })
            .ToListAsync(ct);
        var ids = lignes.Select(l => l.Capacite.ProfessionnelId).ToList();
        var engages = await db.AffectationsMt
            .Where(a => ids.Contains(a.ProfessionnelId)
                && (a.Statut == StatutsAffectation.EnAttenteReponse || (a.Statut == StatutsAffectation.Acceptee && a.RepondueLeUtc >= debutMois)))
            .GroupBy(a => a.ProfessionnelId)
            .Select(g => new { g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Nombre, ct);
        // His practice site: the first one in the territory, else his first one.
        var sites = (await db.Activites.AsNoTracking().Where(a => ids.Contains(a.ProfessionnelId) && a.CodeCommune != null)
                .Select(a => new { a.Id, a.ProfessionnelId, a.CodeCommune, a.LibelleCommune, a.Latitude, a.Longitude })
                .ToListAsync(ct))
            .GroupBy(a => a.ProfessionnelId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => territoire.Contains(a.CodeCommune!) ? 0 : 1).ThenBy(a => a.Id).First());
        var lieux = await LieuxCommunesAsync([.. sites.Values.Select(s => s.CodeCommune!).Distinct()], ct);
        return [.. lignes
            .Select(l =>
            {
                LieuAppariement? lieu = null;
                string? commune = null;
                if (sites.TryGetValue(l.Capacite.ProfessionnelId, out var s) && lieux.TryGetValue(s.CodeCommune!, out var lc))
                {
                    lieu = lc with { Latitude = s.Latitude ?? lc.Latitude, Longitude = s.Longitude ?? lc.Longitude };
                    commune = s.LibelleCommune;
                }
                var restante = Math.Max(0, l.Capacite.NouveauxPatientsParMois - engages.GetValueOrDefault(l.Capacite.ProfessionnelId));
                return new MedecinCapacite(l.Capacite.ProfessionnelId, l.Rpps, Annuaire.Civilites.NomAffiche(l.CiviliteExercice, l.Prenom, l.Nom),
                    l.Capacite, restante, lieu, commune);
            })
            .OrderBy(m => m.NomAffiche, StringComparer.Create(Infrastructure.Web.PlateformeWeb.Francais, true))];
    }

    public async Task<Dictionary<string, LieuAppariement>> LieuxCommunesAsync(List<string> codes, CancellationToken ct = default) =>
        await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee))
            .Select(c => new LieuAppariement(c.CodeInsee, c.Departement, c.CodesPostaux, c.Latitude, c.Longitude))
            .ToDictionaryAsync(c => c.CodeCommune, ct);
}
