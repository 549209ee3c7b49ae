using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Fhir;

/// <summary>One exposed slot with everything its resources need; a slot of a professional in two CPTS gives two rows.</summary>
public sealed record LigneSas(CreneauSas Creneau, ProfessionnelSas Professionnel, SiteSas? Site, CptsSas Cpts);

/// <summary>
/// What the SAS may see, read in one projection: free future slots of the exposed types, of professionals who
/// are members of a CPTS hosted here, with their professional, practice site and CPTS.
/// </summary>
public sealed class SourceSas(OpenCptsDb db, TimeProvider horloge, IOptions<OptionsSas> options)
{
    public async Task<IReadOnlyList<LigneSas>> CreneauxAsync(
        IReadOnlyCollection<string>? identifiantsNationaux, DateTime? debutMinUtc, DateTime? debutMaxUtc, long? creneauId, CancellationToken ct)
    {
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
        if (creneauId is { } id)
        {
            creneaux = creneaux.Where(c => c.Id == id);
        }
        var professionnels = db.Professionnels.AsNoTracking();
        if (identifiantsNationaux is not null)
        {
            professionnels = professionnels.Where(p => identifiantsNationaux.Contains(p.IdentifiantNational));
        }
        var lignes = await (
            from c in creneaux
            join p in professionnels on c.ProfessionnelId equals p.Id
            join a in db.Adhesions on p.Id equals a.ProfessionnelId
            join k in db.Cpts on a.CptsId equals k.Id
            join s in db.Activites on c.ActiviteId equals s.Id into sites
            from s in sites.DefaultIfEmpty()
            orderby c.DebutUtc, c.Id, k.Id
            select new
            {
                c.Statut,
                Ligne = new LigneSas(
                new CreneauSas(c.Id, c.DebutUtc, c.FinUtc, c.TypeConsultation, c.Visibilite, c.AvecRendezVous, c.Motif),
                new ProfessionnelSas(p.Id, p.IdentifiantNational, p.Nom, p.Prenom, p.CodeProfession, p.CodeSpecialite),
                s == null ? null : new SiteSas(s.Id, s.IdentifiantSite, s.Voie, s.ComplementAdresse, s.CodePostal, s.CodeCommune,
                    s.LibelleCommune, s.Telephone, s.FinessSite, s.Siret, s.Latitude, s.Longitude),
                new CptsSas(k.Id, k.Nom, k.Finess, k.Telephone, k.Email))
            })
            .ToListAsync(ct);
        // The status is filtered here, not in SQL: a Statut condition lets SQLite (no statistics) prefer the
        // (Statut, DebutUtc) index and scan every professional's window, instead of seeking the 25 professionals
        // through (ProfessionnelId, DebutUtc). The few non-free rows of 25 agendas cost nothing.
        return await AvecSiteParDefautAsync([.. lignes.Where(l => l.Statut == StatutsCreneau.Libre).Select(l => l.Ligne)], ct);
    }

    /// <summary>A slot published without a site (teleconsultation…) is shown at the professional's first site: the
    /// PractitionerRole of the profile needs a Location.</summary>
    private async Task<IReadOnlyList<LigneSas>> AvecSiteParDefautAsync(List<LigneSas> lignes, CancellationToken ct)
    {
        var sansSite = lignes.Where(l => l.Site is null).Select(l => l.Professionnel.Id).Distinct().ToList();
        if (sansSite.Count == 0)
        {
            return lignes;
        }
        var premiers = await PremiersSitesAsync(sansSite, ct);
        return [.. lignes.Select(l => l.Site is null && premiers.TryGetValue(l.Professionnel.Id, out var site) ? l with { Site = site } : l)];
    }

    public async Task<Dictionary<int, SiteSas>> PremiersSitesAsync(IReadOnlyCollection<int> professionnels, CancellationToken ct)
    {
        var sites = await Sites(db.Activites.Where(s => professionnels.Contains(s.ProfessionnelId))).ToListAsync(ct);
        return sites.GroupBy(s => s.ProfessionnelId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Site.Id).First().Site);
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
                K = new CptsSas(k.Id, k.Nom, k.Finess, k.Telephone, k.Email),
            }).ToListAsync(ct);
        return [.. lignes.GroupBy(l => l.P.Id).Select(g => (g.First().P, (IReadOnlyList<CptsSas>)[.. g.Select(l => l.K)]))];
    }

    public async Task<IReadOnlyList<SiteSas>> SitesAsync(int professionnelId, CancellationToken ct) =>
        [.. (await Sites(db.Activites.Where(s => s.ProfessionnelId == professionnelId)).ToListAsync(ct)).Select(s => s.Site).OrderBy(s => s.Id)];

    /// <summary>A CPTS hosted here that has at least one member.</summary>
    public Task<CptsSas?> CptsAsync(int id, CancellationToken ct) =>
        db.Cpts.AsNoTracking().Where(k => k.Id == id && db.Adhesions.Any(a => a.CptsId == k.Id))
            .Select(k => new CptsSas(k.Id, k.Nom, k.Finess, k.Telephone, k.Email))
            .FirstOrDefaultAsync(ct);

    private static IQueryable<SiteDeProfessionnel> Sites(IQueryable<Features.Annuaire.ActiviteProfessionnelle> activites) =>
        activites.AsNoTracking().Select(s => new SiteDeProfessionnel(s.ProfessionnelId, new SiteSas(s.Id, s.IdentifiantSite, s.Voie,
            s.ComplementAdresse, s.CodePostal, s.CodeCommune, s.LibelleCommune, s.Telephone, s.FinessSite, s.Siret, s.Latitude, s.Longitude)));

    private sealed record SiteDeProfessionnel(int ProfessionnelId, SiteSas Site);
}
