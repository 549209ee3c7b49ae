using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

public enum ResultatConsentement
{
    Enregistre,
    /// <summary>Already recorded (by someone else, maybe a moment ago): the first record stays.</summary>
    DejaEnregistre,
    /// <summary>The box stating the patient's agreement was not ticked.</summary>
    AccordManquant,
    Introuvable,
}

/// <summary>
/// Records the patient's consent to sharing information within his care team: when, and by which account. Nothing
/// can be posted in the team's thread before. Recorded once (conditional update): the first record is kept.
/// </summary>
public sealed class EnregistrerConsentement(OpenCptsDb db, JournalAudit journal, TimeProvider horloge)
{
    public async Task<ResultatConsentement> ExecuteAsync(long patientId, bool accord, string par, CancellationToken ct = default)
    {
        if (!accord)
        {
            return ResultatConsentement.AccordManquant;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var n = await db.PatientsParcours.Where(p => p.Id == patientId && p.ConsentementLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConsentementLeUtc, maintenant).SetProperty(p => p.ConsentementRecueilliPar, par), ct);
        if (n == 0)
        {
            return await db.PatientsParcours.AnyAsync(p => p.Id == patientId, ct) ? ResultatConsentement.DejaEnregistre : ResultatConsentement.Introuvable;
        }
        await journal.EnregistrerAsync("Modification", "Consentement", patientId.ToString(CultureInfo.InvariantCulture), null, patientId, ct);
        return ResultatConsentement.Enregistre;
    }
}
