using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>Removes a member from a patient's care team (the Coordination decides; the caller checks the role).</summary>
public sealed class RetirerMembreEquipe(OpenCptsDb db, JournalAudit journal)
{
    public async Task<bool> ExecuteAsync(long patientId, long membreId, CancellationToken ct = default)
    {
        var n = await db.MembresEquipe.Where(m => m.Id == membreId && m.PatientParcoursId == patientId).ExecuteDeleteAsync(ct);
        if (n > 0)
        {
            await journal.EnregistrerAsync("Modification", "EquipeSoins", membreId.ToString(CultureInfo.InvariantCulture), "Membre retiré", patientId, ct);
        }
        return n > 0;
    }
}
