using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours;

public enum ResultatAnnulationPec
{
    Annulee,
    Introuvable,
    /// <summary>Only the requester (or his structure) and the Coordination cancel.</summary>
    Interdite,
    /// <summary>Accepted or already cancelled meanwhile: nothing to cancel.</summary>
    PlusOuverte,
}

/// <summary>The requester or the Coordination withdraws an open care request; an accepted one stays (the team handles it).</summary>
public sealed class AnnulerDemandePec(OpenCptsDb db)
{
    public async Task<ResultatAnnulationPec> ExecuteAsync(long id, ProfilParcours profil, CancellationToken ct = default)
    {
        var d = await db.DemandesPriseEnCharge.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return ResultatAnnulationPec.Introuvable;
        }
        var autorise = profil.Coordination
            || (profil.UtilisateurId is not null && d.CreeParUtilisateurId == profil.UtilisateurId)
            || (profil.Etablissement && profil.StructureId is not null && d.StructureDemandeuseId == profil.StructureId);
        if (!autorise)
        {
            return ResultatAnnulationPec.Interdite;
        }
        var n = await db.DemandesPriseEnCharge
            .Where(x => x.Id == id && x.Statut == StatutsDemandePec.Ouverte)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Statut, StatutsDemandePec.Annulee), ct);
        return n == 1 ? ResultatAnnulationPec.Annulee : ResultatAnnulationPec.PlusOuverte;
    }
}
