using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

public enum ResultatSuspension
{
    Suspendu,
    Levee,
    Introuvable,
    PeriodeInvalide,
}

/// <summary>
/// Suspends a pattern for a period (holidays, both days inclusive): its free slots in the period are
/// withdrawn, booked ones stay. Without dates, lifts the suspension and the slots come back.
/// </summary>
public sealed class SuspendreModele(OpenCptsDb db, TimeProvider horloge, MaterialiserCreneaux materialiser)
{
    public async Task<ResultatSuspension> ExecuteAsync(int professionnelId, int modeleId, DateOnly? du, DateOnly? au, CancellationToken ct = default)
    {
        if (du is null != au is null || (du is { } d && au is { } a && a < d))
        {
            return ResultatSuspension.PeriodeInvalide;
        }
        var modele = await db.ModelesDisponibilite.FirstOrDefaultAsync(m => m.Id == modeleId && m.ProfessionnelId == professionnelId && !m.Archive, ct);
        if (modele is null)
        {
            return ResultatSuspension.Introuvable;
        }
        modele.SuspenduDu = du;
        modele.SuspenduAu = au;
        modele.MisAJourLeUtc = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await materialiser.ModeleAsync(modeleId, ct);
        return du is null ? ResultatSuspension.Levee : ResultatSuspension.Suspendu;
    }

    public static string Message(ResultatSuspension r) => r switch
    {
        ResultatSuspension.Suspendu => "Disponibilité suspendue sur la période : les créneaux libres sont retirés, les rendez-vous pris sont conservés.",
        ResultatSuspension.Levee => "Suspension levée.",
        ResultatSuspension.PeriodeInvalide => "Indiquez une période valide : la date de fin ne peut pas précéder la date de début.",
        _ => "Cette disponibilité n'existe plus.",
    };
}
