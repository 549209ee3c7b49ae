using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>
/// Adds a professional or a structure to a patient's care team, and writes the join to the audit log (who joined,
/// by whom, why: the role says what he does for the patient). Always an explicit act of a use case
/// (creating the patient, accepting a request, the team adding him): nobody joins as a side effect of a read.
/// Adding an active member again changes nothing (the filtered unique indexes are the last guard when two requests
/// race); a member who left comes back as a new membership, his past one stays as history.
/// </summary>
public sealed class AjouterMembreEquipe(OpenCptsDb db, JournalAudit journal, TimeProvider horloge)
{
    public const string Ressource = "EquipeSoins";

    /// <summary>True when he joined now, false when he already was an active member.</summary>
    public async Task<bool> ProfessionnelAsync(long patientId, int professionnelId, string? role, string? par, CancellationToken ct = default)
    {
        if (await db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patientId && m.ProfessionnelId == professionnelId && m.RetireLeUtc == null, ct))
        {
            return false;
        }
        return await AjouterAsync(new MembreEquipe { PatientParcoursId = patientId, ProfessionnelId = professionnelId, Role = role, AjoutePar = par },
            $"professionnel {professionnelId.ToString(CultureInfo.InvariantCulture)}", ct);
    }

    /// <summary>True when the structure joined now, false when it already was an active member.</summary>
    public async Task<bool> StructureAsync(long patientId, int structureId, string? role, string? par, CancellationToken ct = default)
    {
        if (await db.MembresEquipe.AnyAsync(m => m.PatientParcoursId == patientId && m.StructureId == structureId && m.RetireLeUtc == null, ct))
        {
            return false;
        }
        return await AjouterAsync(new MembreEquipe { PatientParcoursId = patientId, StructureId = structureId, Role = role, AjoutePar = par },
            $"structure {structureId.ToString(CultureInfo.InvariantCulture)}", ct);
    }

    private async Task<bool> AjouterAsync(MembreEquipe membre, string qui, CancellationToken ct)
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
            return false;
        }
        await journal.EnregistrerAsync("Entree", Ressource, membre.Id.ToString(CultureInfo.InvariantCulture),
            $"Entrée dans l'équipe : {qui}{(membre.Role is null ? "" : " — " + membre.Role)}{(membre.AjoutePar is null ? "" : ", par " + membre.AjoutePar)}",
            membre.PatientParcoursId, ct);
        return true;
    }
}
