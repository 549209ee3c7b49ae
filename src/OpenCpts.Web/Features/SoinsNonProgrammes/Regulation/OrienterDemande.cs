using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>Books the chosen slot for an open request (one click at the desk): the request becomes oriented.</summary>
public sealed class OrienterDemande(OpenCptsDb db, ReserverCreneau reserver)
{
    public async Task<ResultatReservation> ExecuteAsync(long demandeId, long creneauId, string? par, CancellationToken ct = default)
    {
        var d = await db.DemandesSnp.AsNoTracking().FirstOrDefaultAsync(x => x.Id == demandeId, ct);
        if (d is null)
        {
            return new ResultatReservation.Introuvable();
        }
        if (d.Statut != StatutsDemande.Ouverte)
        {
            return new ResultatReservation.Invalide(new() { ["Demande"] = ["Cette demande n'est plus ouverte."] });
        }
        var resultat = await reserver.ExecuteAsync(new DemandeReservation(creneauId,
            new SaisieIdentite(d.NomPatient, d.PrenomPatient, d.DateNaissance, Telephone: d.Telephone, Email: d.Email, Ins: d.Ins, CommuneInsee: d.CodeCommune),
            d.Motif, OriginesReservation.Regulation, par), ct);
        if (resultat is ResultatReservation.Reservee r)
        {
            await db.DemandesSnp.Where(x => x.Id == demandeId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, StatutsDemande.Orientee).SetProperty(x => x.ReservationSnpId, r.Reservation.Id), ct);
        }
        return resultat;
    }
}
