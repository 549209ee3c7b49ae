using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

/// <summary>An upcoming unscheduled-care appointment as the professional sees it.</summary>
public sealed record RendezVousSnp(long Id, DateTime DebutUtc, DateTime FinUtc, string TypeConsultation, string NomPatient, string PrenomPatient, string? Motif, string? Telephone);

public sealed record MesRendezVous(IReadOnlyList<RendezVousSnp> RendezVous, int CreneauxLibres);

/// <summary>A professional's confirmed appointments from now on, and how many free slots he still offers.</summary>
public sealed class ConsulterMesRendezVous(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<MesRendezVous> ExecuteAsync(int professionnelId, CancellationToken ct = default)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var rendezVous = await db.ReservationsSnp
            .Where(r => r.Statut == StatutsReservation.Confirmee)
            .Join(db.CreneauxSnp, r => r.CreneauSnpId, c => c.Id, (r, c) => new { r, c })
            .Where(x => x.c.ProfessionnelId == professionnelId && x.c.FinUtc > maintenant)
            .OrderBy(x => x.c.DebutUtc)
            .Select(x => new RendezVousSnp(x.r.Id, x.c.DebutUtc, x.c.FinUtc, x.c.TypeConsultation, x.r.NomPatient, x.r.PrenomPatient, x.r.Motif ?? x.c.Motif, x.r.Telephone))
            .ToListAsync(ct);
        var libres = await db.CreneauxSnp.CountAsync(c => c.ProfessionnelId == professionnelId && c.Statut == StatutsCreneau.Libre && c.DebutUtc > maintenant, ct);
        return new MesRendezVous(rendezVous, libres);
    }
}
