using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>What one materialisation did.</summary>
public sealed record ResultatMaterialisation(int Crees, int Retires, int MisAJour)
{
    public static readonly ResultatMaterialisation Rien = new(0, 0, 0);

    public ResultatMaterialisation Plus(ResultatMaterialisation autre) =>
        new(Crees + autre.Crees, Retires + autre.Retires, MisAJour + autre.MisAJour);
}

/// <summary>
/// Turns weekly patterns into slots over the rolling horizon, from now. Idempotent: a start the
/// professional already has is skipped. Future free slots of a pattern that no longer fit it
/// (edited, suspended, archived) are withdrawn (<see cref="StatutsCreneau.Retire"/>), never deleted:
/// cancelled bookings may still reference them, and the follow-up counts what was offered.
/// Booked and past slots are never touched.
/// </summary>
public sealed class MaterialiserCreneaux(OpenCptsDb db, TimeProvider horloge, IOptions<OptionsSnp> options)
{
    /// <summary>Materialises one pattern (after its creation, edit, suspension or archiving).</summary>
    public async Task<ResultatMaterialisation> ModeleAsync(int modeleId, CancellationToken ct = default)
    {
        var modele = await db.ModelesDisponibilite.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modeleId, ct);
        return modele is null ? ResultatMaterialisation.Rien : await ProfessionnelAsync(modele.ProfessionnelId, [modele], ct);
    }

    /// <summary>Materialises every pattern still running (the periodic job and the demo).</summary>
    public async Task<ResultatMaterialisation> TousAsync(CancellationToken ct = default)
    {
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        var modeles = await db.ModelesDisponibilite.AsNoTracking()
            .Where(m => !m.Archive && (m.DateFin == null || m.DateFin >= aujourdhui))
            .OrderBy(m => m.ProfessionnelId).ThenBy(m => m.Id)
            .ToListAsync(ct);
        var total = ResultatMaterialisation.Rien;
        foreach (var groupe in modeles.GroupBy(m => m.ProfessionnelId))
        {
            total = total.Plus(await ProfessionnelAsync(groupe.Key, [.. groupe], ct));
        }
        return total;
    }

    /// <summary>The starts (UTC) and ends a pattern wants between two instants.</summary>
    public static IEnumerable<(DateTime Debut, DateTime Fin)> Creneaux(ModeleDisponibilite m, DateTime depuisUtc, DateTime jusquAUtc)
    {
        if (m.Archive)
        {
            yield break;
        }
        var duree = TimeSpan.FromMinutes(m.DureeCreneauMinutes);
        var premier = HeureParis.Jour(depuisUtc);
        if (premier < m.DateDebut)
        {
            premier = m.DateDebut;
        }
        var dernier = HeureParis.Jour(jusquAUtc);
        if (m.DateFin is { } fin && fin < dernier)
        {
            dernier = fin;
        }
        var decalage = ((int)m.JourSemaine - (int)premier.DayOfWeek + 7) % 7;
        for (var jour = premier.AddDays(decalage); jour <= dernier; jour = jour.AddDays(7))
        {
            if (m.SuspenduDu is { } du && m.SuspenduAu is { } au && jour >= du && jour <= au)
            {
                continue;
            }
            for (var heure = m.HeureDebut.ToTimeSpan(); heure + duree <= m.HeureFin.ToTimeSpan(); heure += duree)
            {
                if (HeureParis.VersUtc(jour.ToDateTime(TimeOnly.MinValue) + heure) is not { } debut)
                {
                    continue;
                }
                if (debut > depuisUtc && debut < jusquAUtc)
                {
                    yield return (debut, debut + duree);
                }
            }
        }
    }

    private async Task<ResultatMaterialisation> ProfessionnelAsync(int professionnelId, IReadOnlyList<ModeleDisponibilite> modeles, CancellationToken ct)
    {
        try
        {
            return await ProfessionnelUneFoisAsync(professionnelId, modeles, ct);
        }
        catch (DbUpdateException)
        {
            // Another materialisation (periodic job vs. an edit) inserted the same start meanwhile:
            // the second pass sees it and skips it.
            db.ChangeTracker.Clear();
            return await ProfessionnelUneFoisAsync(professionnelId, modeles, ct);
        }
    }

    private async Task<ResultatMaterialisation> ProfessionnelUneFoisAsync(int professionnelId, IReadOnlyList<ModeleDisponibilite> modeles, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var horizon = maintenant.AddDays(options.Value.HorizonJours);
        var ids = modeles.Select(m => m.Id).ToList();
        // One query: the professional's future slots in the horizon (a start is unique per professional,
        // whatever pattern made it) and the patterns' future slots beyond it (to withdraw them if needed).
        var existants = await db.CreneauxSnp
            .Where(c => c.ProfessionnelId == professionnelId && c.DebutUtc > maintenant
                && (c.DebutUtc < horizon || (c.ModeleDisponibiliteId != null && ids.Contains(c.ModeleDisponibiliteId.Value))))
            .ToListAsync(ct);
        var parDebut = existants.ToDictionary(c => c.DebutUtc);
        int crees = 0, retires = 0, misAJour = 0;
        foreach (var modele in modeles)
        {
            var voulus = new HashSet<DateTime>();
            foreach (var (debut, fin) in Creneaux(modele, maintenant, horizon))
            {
                voulus.Add(debut);
                if (!parDebut.TryGetValue(debut, out var creneau))
                {
                    creneau = new CreneauSnp { ProfessionnelId = professionnelId, DebutUtc = debut, CreeLeUtc = maintenant, Statut = StatutsCreneau.Libre };
                    Appliquer(modele, creneau, fin, maintenant);
                    db.CreneauxSnp.Add(creneau);
                    parDebut[debut] = creneau;
                    crees++;
                }
                else if (creneau.Statut == StatutsCreneau.Retire
                    || (creneau.ModeleDisponibiliteId == modele.Id && creneau.Statut == StatutsCreneau.Libre && !Conforme(modele, creneau, fin)))
                {
                    // Wanted again (back from holidays) or changed (type, site…): bring it in line.
                    creneau.Statut = StatutsCreneau.Libre;
                    Appliquer(modele, creneau, fin, maintenant);
                    misAJour++;
                }
            }
            foreach (var creneau in existants.Where(c => c.ModeleDisponibiliteId == modele.Id && c.Statut == StatutsCreneau.Libre && !voulus.Contains(c.DebutUtc)))
            {
                creneau.Statut = StatutsCreneau.Retire;
                creneau.MisAJourLeUtc = maintenant;
                retires++;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new ResultatMaterialisation(crees, retires, misAJour);
    }

    private static bool Conforme(ModeleDisponibilite m, CreneauSnp c, DateTime fin) =>
        c.Statut == StatutsCreneau.Libre && c.FinUtc == fin && c.ActiviteId == m.ActiviteId && c.TypeConsultation == m.TypeConsultation
        && c.Visibilite == m.Visibilite && c.AvecRendezVous == m.AvecRendezVous && c.Motif == m.Motif;

    private static void Appliquer(ModeleDisponibilite m, CreneauSnp c, DateTime fin, DateTime maintenant)
    {
        c.ModeleDisponibiliteId = m.Id;
        c.ActiviteId = m.ActiviteId;
        c.FinUtc = fin;
        c.TypeConsultation = m.TypeConsultation;
        c.Visibilite = m.Visibilite;
        c.AvecRendezVous = m.AvecRendezVous;
        c.Motif = m.Motif;
        c.MisAJourLeUtc = maintenant;
    }
}
