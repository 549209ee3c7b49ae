using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>
/// The in-app notification of care requests: the number of open requests sent to the signed-in member that he
/// has not opened yet, shown next to "Parcours" in the menu.
/// </summary>
public sealed class BadgeDemandesViewComponent(OpenCptsDb db, UtilisateurParcours utilisateurs) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var profil = await utilisateurs.ProfilAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        if (profil.ProfessionnelId is not { } pro)
        {
            return Content("");
        }
        var n = await db.DestinatairesDemande
            .CountAsync(x => x.ProfessionnelId == pro && x.VueLeUtc == null
                && db.DemandesPriseEnCharge.Any(d => d.Id == x.DemandePriseEnChargeId && d.Statut == StatutsDemandePec.Ouverte), HttpContext.RequestAborted);
        return n == 0 ? Content("") : View("/Features/Parcours/Demandes/_BadgeDemandes.cshtml", n);
    }
}
