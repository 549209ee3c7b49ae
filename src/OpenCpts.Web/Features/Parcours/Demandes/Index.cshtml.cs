using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>A table of care requests for the _LignesDemandes partial.</summary>
public sealed record TableauDemandes(IReadOnlyList<LigneDemandePec> Lignes, string Legende, string Vide);

/// <summary>
/// The care requests of the user: for a member, those sent to him and those he accepted (and his leave); for
/// everyone, those he posted; for the Coordination and the Régulation, all of them with filters.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
public class DemandesModel(
    OpenCptsDb db, CptsCourante cpts, ListerDemandesPec lister, DeclarerConge conge, UtilisateurParcours utilisateurs, JournalAudit journal, TimeProvider horloge) : PageModel
{
    public DateOnly Aujourdhui => HeureParis.Aujourdhui(horloge);

    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }
    [BindProperty(SupportsGet = true)]
    public bool Escaladees { get; set; }

    public ProfilParcours Profil { get; private set; } = null!;
    public IReadOnlyList<LigneDemandePec>? PourMoi { get; private set; }
    public IReadOnlyList<LigneDemandePec> Miennes { get; private set; } = [];
    public IReadOnlyList<LigneDemandePec>? Toutes { get; private set; }
    public DateOnly? EnCongeJusquAu { get; private set; }
    [TempData]
    public string? Message { get; set; }
    public string? ErreurConge { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChargerAsync(ct);

    public async Task<IActionResult> OnPostCongeAsync(DateOnly? jusquAu, bool retour, CancellationToken ct)
    {
        var profil = await utilisateurs.ProfilAsync(User, ct);
        if (profil.ProfessionnelId is not { } pro)
        {
            return Forbid();
        }
        if (!retour && jusquAu is null)
        {
            ErreurConge = "Indiquez la date de votre dernier jour de congé.";
            await ChargerAsync(ct);
            return Page();
        }
        if (await conge.ExecuteAsync(pro, retour ? null : jusquAu, ct) is { } erreur)
        {
            ErreurConge = erreur;
            await ChargerAsync(ct);
            return Page();
        }
        Message = retour ? "Vous recevez de nouveau les demandes." : $"Vous ne recevrez pas de demande commençant avant le {jusquAu!.Value.AddDays(1).ToString("dd/MM/yyyy", Infrastructure.Web.PlateformeWeb.Francais)}.";
        return RedirectToPage();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Profil = await utilisateurs.ProfilAsync(User, ct);
        if (Profil.ProfessionnelId is { } pro)
        {
            PourMoi = await lister.PourMoiAsync(pro, ct);
            EnCongeJusquAu = await db.Professionnels.Where(p => p.Id == pro).Select(p => p.EnCongeJusquAu).FirstOrDefaultAsync(ct);
        }
        Miennes = await lister.DuDemandeurAsync(Profil, ct);
        if (Profil.Coordination || Profil.Regulation)
        {
            var c = await cpts.TrouverAsync(ct);
            Toutes = c is null ? [] : await lister.ToutesAsync(c.Id, StatutsDemandePec.Tous.Contains(Statut ?? "") ? Statut : null, Escaladees, ct);
        }
        // The lists name patients: each one shown is a read of his data.
        var nommes = (PourMoi ?? []).Concat(Miennes).Concat(Toutes ?? []).Where(l => l.Patient is not null).Select(l => l.PatientId);
        await journal.LecturesAsync(nommes, "Liste des demandes de prise en charge", ct);
    }
}
