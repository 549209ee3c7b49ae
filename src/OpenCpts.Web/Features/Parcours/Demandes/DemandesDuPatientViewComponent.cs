using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>A care request of a patient, as listed on his file and on his discharge plan.</summary>
public sealed record DemandeDuPatient(long Id, string Besoin, DateOnly Debut, string Statut, string? AccepteePar, DateTime? AccepteeLeUtc);

/// <summary>The care requests of a patient (or of one discharge plan). The host page has already checked and logged the access.</summary>
public sealed class DemandesDuPatientViewComponent(OpenCptsDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long patientId, long? planSortieId = null)
    {
        var requete = db.DemandesPriseEnCharge.AsNoTracking().Where(d => d.PatientParcoursId == patientId);
        if (planSortieId is { } plan)
        {
            requete = requete.Where(d => d.PlanSortieId == plan);
        }
        var lignes = await requete
            .OrderByDescending(d => d.CreeLeUtc)
            .Select(d => new
            {
                d.Id,
                d.CodeProfession,
                d.Actes,
                d.Debut,
                d.Statut,
                d.AccepteeLeUtc,
                Accepteur = db.Professionnels.Where(p => p.Id == d.AccepteeParProfessionnelId).Select(p => new { p.CiviliteExercice, p.Prenom, p.Nom }).FirstOrDefault(),
            })
            .ToListAsync(HttpContext.RequestAborted);
        var demandes = lignes.Select(l => new DemandeDuPatient(l.Id,
            $"{Terminologies.Instance.Professions.Libelle(l.CodeProfession)} — {l.Actes.Replace("|", ", ", StringComparison.Ordinal)}",
            l.Debut, l.Statut,
            l.Accepteur is null ? null : Annuaire.Civilites.NomAffiche(l.Accepteur.CiviliteExercice, l.Accepteur.Prenom, l.Accepteur.Nom),
            l.AccepteeLeUtc)).ToList();
        return View("/Features/Parcours/Demandes/_DemandesDuPatient.cshtml", demandes);
    }
}
