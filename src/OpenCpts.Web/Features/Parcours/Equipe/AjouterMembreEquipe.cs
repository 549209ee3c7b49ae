using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

/// <summary>
/// Adds a professional or a structure to a patient's care team; adding someone already there changes nothing
/// (the unique indexes are the last guard when two requests race).
/// </summary>
public sealed class AjouterMembreEquipe(OpenCptsDb db, TimeProvider horloge)
{
    public async Task ProfessionnelAsync(long patientId, int professionnelId, string? role, string? par, CancellationToken ct = default)
    {
        if (await db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patientId && m.ProfessionnelId == professionnelId, ct))
        {
            return;
        }
        await AjouterAsync(new MembreEquipe { PatientParcoursId = patientId, ProfessionnelId = professionnelId, Role = role, AjoutePar = par }, ct);
    }

    public async Task StructureAsync(long patientId, int structureId, string? role, string? par, CancellationToken ct = default)
    {
        if (await db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patientId && m.StructureId == structureId, ct))
        {
            return;
        }
        await AjouterAsync(new MembreEquipe { PatientParcoursId = patientId, StructureId = structureId, Role = role, AjoutePar = par }, ct);
    }

    private async Task AjouterAsync(MembreEquipe membre, CancellationToken ct)
    {
        membre.AjouteLeUtc = horloge.GetUtcNow().UtcDateTime;
        membre.Role = membre.Role is { Length: > 200 } r ? r[..200] : membre.Role;
        db.MembresEquipe.Add(membre);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Added meanwhile by a concurrent request: the member is there, which is what was asked.
            db.Entry(membre).State = EntityState.Detached;
        }
    }
}
