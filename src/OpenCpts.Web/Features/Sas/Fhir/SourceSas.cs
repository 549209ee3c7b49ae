using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>One exposed slot with everything its resources need; a slot of a professional in two CPTS gives two rows.</summary>
public sealed record LigneSas(CreneauSas Creneau, ProfessionnelSas Professionnel, SiteSas? Site, CptsSas Cpts);

/// <summary>
/// What the SAS may see: free future slots of the exposed types, of professionals who
/// are members of a CPTS hosted here, with their professional, practice site and CPTS.
/// </summary>
public sealed class SourceSas(OpenCptsDb db, TimeProvider horloge, IOptions<OptionsSas> options)
{
    public async Task<IReadOnlyList<LigneSas>> CreneauxAsync(
        IReadOnlyCollection<string>? identifiantsNationaux, DateTime? debutMinUtc, DateTime? debutMaxUtc, long? creneauId, CancellationToken ct)
    {
        // Three narrow queries rather than one wide join: a 25-agenda search returns hundreds of slots, and the join
        // repeated every professional, site and CPTS column on each of them (most of the time went into reading them).
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var visibilites = options.Value.VisibilitesExposees;
        var creneaux = db.CreneauxSnp.AsNoTracking()
            .Where(c => c.DebutUtc > maintenant && visibilites.Contains(c.Visibilite));
        if (debutMinUtc is { } min)
        {
            creneaux = creneaux.Where(c => c.DebutUtc >= min);
        }
        if (debutMaxUtc is { } max)
        {
            creneaux = creneaux.Where(c => c.DebutUtc <= max);
        }
        IReadOnlyList<(ProfessionnelSas Professionnel, IReadOnlyList<CptsSas> Cpts)> professionnels;
        if (creneauId is { } id)
        {
            var proprietaire = await creneaux.Where(c => c.Id == id).Select(c => (int?)c.ProfessionnelId).FirstOrDefaultAsync(ct);
            professionnels = proprietaire is { } pid ? await ProfessionnelsAsync(null, pid, ct) : [];
            creneaux = creneaux.Where(c => c.Id == id);
        }
        else
        {
            professionnels = await ProfessionnelsAsync(identifiantsNationaux, null, ct);
        }
        if (professionnels.Count == 0)
        {
            return [];
        }
        var ids = professionnels.Select(p => p.Professionnel.Id).ToList();
        // The status is filtered here, not in SQL: a Statut condition lets SQLite (no statistics) prefer the
        // (Statut, DebutUtc) index and scan every professional's window, instead of seeking the 25 professionals
        // through (ProfessionnelId, DebutUtc). The few non-free rows of 25 agendas cost nothing.
        var lignes = await creneaux
            .Where(c => ids.Contains(c.ProfessionnelId))
            .OrderBy(c => c.DebutUtc).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Statut,
                c.ProfessionnelId,
                c.ActiviteId,
                Creneau = new CreneauSas(c.Id, c.DebutUtc, c.FinUtc, c.TypeConsultation, c.Visibilite, c.AvecRendezVous, c.Motif),
            })
            .ToListAsync(ct);
        lignes.RemoveAll(l => l.Statut != StatutsCreneau.Libre);
        if (lignes.Count == 0)
        {
            return [];
        }
        var avecCreneaux = lignes.Select(l => l.ProfessionnelId).Distinct().ToList();
        var sites = (await Sites(db.Activites.Where(s => avecCreneaux.Contains(s.ProfessionnelId))).ToListAsync(ct))
            .GroupBy(s => s.ProfessionnelId)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Site).OrderBy(s => s.Id).ToList());
        var parId = professionnels.ToDictionary(p => p.Professionnel.Id);
        var resultat = new List<LigneSas>(lignes.Count);
        foreach (var l in lignes)
        {
            var (professionnel, cpts) = parId[l.ProfessionnelId];
            var siteS = sites.GetValueOrDefault(l.ProfessionnelId);
            // A slot published without a site (teleconsultation…) is shown at the professional's first site: the
            // PractitionerRole of the profile needs a Location.
            var site = (l.ActiviteId is { } sid ? siteS?.Find(s => s.Id == sid) : null) ?? siteS?.FirstOrDefault();
            foreach (var k in cpts)
            {
                resultat.Add(new LigneSas(l.Creneau, professionnel, site, k));
            }
        }
        return resultat;
    }

    /// <summary>Professionals members of a CPTS hosted here, with their CPTS.</summary>
    public async Task<IReadOnlyList<(ProfessionnelSas Professionnel, IReadOnlyList<CptsSas> Cpts)>> ProfessionnelsAsync(
        IReadOnlyCollection<string>? identifiantsNationaux, int? professionnelId, CancellationToken ct)
    {
        var professionnels = db.Professionnels.AsNoTracking();
        if (identifiantsNationaux is not null)
        {
            professionnels = professionnels.Where(p => identifiantsNationaux.Contains(p.IdentifiantNational));
        }
        if (professionnelId is { } id)
        {
            professionnels = professionnels.Where(p => p.Id == id);
        }
        var lignes = await (
            from p in professionnels
            join a in db.Adhesions on p.Id equals a.ProfessionnelId
            join k in db.Cpts on a.CptsId equals k.Id
            orderby p.Id, k.Id
            select new
            {
                P = new ProfessionnelSas(p.Id, p.IdentifiantNational, p.Nom, p.Prenom, p.CodeProfession, p.CodeSpecialite),
                K = new CptsSas(k.Id, k.Nom, k.Finess, k.Siret, k.Telephone, k.Email),
            }).ToListAsync(ct);
        return [.. lignes.GroupBy(l => l.P.Id).Select(g => (g.First().P, (IReadOnlyList<CptsSas>)[.. g.Select(l => l.K)]))];
    }

    public async Task<IReadOnlyList<SiteSas>> SitesAsync(int professionnelId, CancellationToken ct) =>
        [.. (await Sites(db.Activites.Where(s => s.ProfessionnelId == professionnelId)).ToListAsync(ct)).Select(s => s.Site).OrderBy(s => s.Id)];

    /// <summary>A CPTS hosted here that has at least one member.</summary>
    public Task<CptsSas?> CptsAsync(int id, CancellationToken ct) =>
        db.Cpts.AsNoTracking().Where(k => k.Id == id && db.Adhesions.Any(a => a.CptsId == k.Id))
            .Select(k => new CptsSas(k.Id, k.Nom, k.Finess, k.Siret, k.Telephone, k.Email))
            .FirstOrDefaultAsync(ct);

    private static IQueryable<SiteDeProfessionnel> Sites(IQueryable<Features.Annuaire.ActiviteProfessionnelle> activites) =>
        activites.AsNoTracking().Select(s => new SiteDeProfessionnel(s.ProfessionnelId, new SiteSas(s.Id, s.IdentifiantSite, s.Voie,
            s.ComplementAdresse, s.CodePostal, s.CodeCommune, s.LibelleCommune, s.Telephone, s.FinessSite, s.Siret, s.Latitude, s.Longitude)));

    private sealed record SiteDeProfessionnel(int ProfessionnelId, SiteSas Site);
}
