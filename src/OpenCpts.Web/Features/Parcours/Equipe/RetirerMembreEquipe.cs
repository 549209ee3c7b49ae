using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>
/// Ends a membership of a patient's care team (the Coordination decides; the caller checks the role): the row keeps
/// its dates, who ended it and why, so that the file shows who was in the team when. Access checks only count
/// active memberships. Written to the audit log.
/// </summary>
public sealed class RetirerMembreEquipe(OpenCptsDb db, JournalAudit journal, TimeProvider horloge)
{
    public const int MotifMax = 200;

    public async Task<bool> ExecuteAsync(long patientId, long membreId, string? motif, string? par, CancellationToken ct = default)
    {
        motif = string.IsNullOrWhiteSpace(motif) ? null : motif.Trim();
        motif = motif is { Length: > MotifMax } m ? m[..MotifMax] : motif;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var n = await db.MembresEquipe.Where(x => x.Id == membreId && x.PatientParcoursId == patientId && x.RetireLeUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RetireLeUtc, maintenant).SetProperty(x => x.RetirePar, par).SetProperty(x => x.MotifRetrait, motif), ct);
        if (n > 0)
        {
            await journal.EnregistrerAsync("Sortie", AjouterMembreEquipe.Ressource, membreId.ToString(CultureInfo.InvariantCulture),
                $"Sortie de l'équipe{(motif is null ? "" : " : " + motif)}{(par is null ? "" : ", par " + par)}", patientId, ct);
        }
        return n > 0;
    }
}
