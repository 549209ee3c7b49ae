using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>Reads and changes the pathway settings of a CPTS (the escalation delay of care requests).</summary>
public sealed class ParametrerParcours(OpenCptsDb db)
{
    public const int DelaiMin = 1;
    public const int DelaiMax = 24 * 14;

    public async Task<int> DelaiEscaladeAsync(int cptsId, CancellationToken ct = default) =>
        await db.ParametresParcours.Where(p => p.CptsId == cptsId).Select(p => (int?)p.DelaiEscaladeHeures).FirstOrDefaultAsync(ct)
        ?? ParametresParcours.DelaiEscaladeParDefaut;

    /// <summary>Sets the delay; returns an error message when it is out of range.</summary>
    public async Task<string?> DefinirDelaiEscaladeAsync(int cptsId, int heures, CancellationToken ct = default)
    {
        if (heures is < DelaiMin or > DelaiMax)
        {
            return $"Le délai est compris entre {DelaiMin} heure et {DelaiMax} heures (14 jours).";
        }
        var p = await db.ParametresParcours.FirstOrDefaultAsync(x => x.CptsId == cptsId, ct);
        if (p is null)
        {
            db.ParametresParcours.Add(new ParametresParcours { CptsId = cptsId, DelaiEscaladeHeures = heures });
        }
        else
        {
            p.DelaiEscaladeHeures = heures;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }
}
