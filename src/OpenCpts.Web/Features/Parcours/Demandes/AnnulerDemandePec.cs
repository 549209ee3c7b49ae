using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Demandes;

public enum ResultatAnnulationPec
{
    Annulee,
    /// <summary>Unknown, or not readable by the user: the same answer.</summary>
    Introuvable,
    /// <summary>Only the requester (or his structure) and the Coordination cancel.</summary>
    Interdite,
    /// <summary>Accepted or already cancelled meanwhile: nothing to cancel.</summary>
    PlusOuverte,
}

/// <summary>The requester or the Coordination withdraws an open care request; an accepted one stays (the team handles it).</summary>
public sealed class AnnulerDemandePec(OpenCptsDb db, AccesDemandePec acces)
{
    public async Task<ResultatAnnulationPec> ExecuteAsync(long id, ProfilParcours profil, CancellationToken ct = default)
    {
        if (await acces.VerifierEtJournaliserAsync(id, profil, "Annulation", ct) is not var (_, droits))
        {
            return ResultatAnnulationPec.Introuvable;
        }
        if (!droits.Demandeur)
        {
            return ResultatAnnulationPec.Interdite;
        }
        var n = await db.DemandesPriseEnCharge
            .Where(x => x.Id == id && x.Statut == StatutsDemandePec.Ouverte)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, StatutsDemandePec.Annulee), ct);
        return n == 1 ? ResultatAnnulationPec.Annulee : ResultatAnnulationPec.PlusOuverte;
    }
}
