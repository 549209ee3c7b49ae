using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Annuaire;

public enum ResultatAdhesion
{
    Modifiee,
    ProfessionnelIntrouvable,
    AucuneCpts,
}

/// <summary>The Coordination records that a professional joins or leaves the current CPTS.</summary>
public sealed class ModifierAdhesion(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    public async Task<ResultatAdhesion> ExecuteAsync(string rpps, bool membre, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.TrouverAsync(ct);
        if (cpts is null)
        {
            return ResultatAdhesion.AucuneCpts;
        }
        var professionnelId = await db.Professionnels.Where(p => p.Rpps == rpps).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (professionnelId is null)
        {
            return ResultatAdhesion.ProfessionnelIntrouvable;
        }
        var existante = await db.Adhesions.AnyAsync(a => a.CptsId == cpts.Id && a.ProfessionnelId == professionnelId, ct);
        if (membre && !existante)
        {
            // Membership dates are civil dates of the CPTS, hence in Paris time.
            var aujourdhui = HeureParis.Aujourdhui(horloge);
            db.Adhesions.Add(new Adhesion { CptsId = cpts.Id, ProfessionnelId = professionnelId.Value, DepuisLe = aujourdhui });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent click already recorded it: the wanted state is reached.
            }
        }
        else if (!membre && existante)
        {
            await db.Adhesions.Where(a => a.CptsId == cpts.Id && a.ProfessionnelId == professionnelId).ExecuteDeleteAsync(ct);
        }
        return ResultatAdhesion.Modifiee;
    }
}
