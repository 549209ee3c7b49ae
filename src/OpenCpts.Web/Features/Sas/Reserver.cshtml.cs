using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Sas.Regulateurs;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;

namespace OpenCpts.Web.Features.Sas;

/// <summary>
/// The booking page of a slot for a SAS regulator (the slot's <c>comment</c> URL). Only a session opened by a
/// sign-in link of the SAS platform gives access: <c>origin=sas</c> in the address proves nothing (docs/adr/0003).
/// </summary>
[AllowAnonymous]
public class ReserverModel(OpenCptsDb db, ReserverDepuisSas reserver) : PageModel
{
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Prenom { get; set; }
    [BindProperty] public DateOnly? DateNaissance { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? CommuneInsee { get; set; }
    [BindProperty] public string? Motif { get; set; }

    /// <summary>No regulator session: the page explains how to come in.</summary>
    public bool SansSession { get; private set; }
    public string? Regulateur { get; private set; }
    public CreneauAffiche? Creneau { get; private set; }
    public ReservationFaite? Faite { get; private set; }
    public string? Refus { get; private set; }
    public IReadOnlyList<string> Erreurs { get; private set; } = [];

    public sealed record CreneauAffiche(long Id, string Professionnel, DateTime DebutUtc, DateTime FinUtc, string Type, string Statut);

    public async Task<IActionResult> OnGetAsync(long creneau, CancellationToken ct)
    {
        if (await CompteAsync() is null)
        {
            return SansSessionPage();
        }
        Creneau = await CreneauAsync(creneau, ct);
        return Creneau is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long creneau, CancellationToken ct)
    {
        if (await CompteAsync() is not { } compte)
        {
            return SansSessionPage();
        }
        var resultat = await reserver.ExecuterAsync(compte, creneau,
            new SaisieIdentite(Nom, Prenom, DateNaissance, Telephone: Telephone, CommuneInsee: CommuneInsee), Motif, ct);
        switch (resultat)
        {
            case ResultatReservation.Reservee r:
                Faite = r.Reservation;
                break;
            case ResultatReservation.Invalide invalide:
                Erreurs = [.. invalide.Erreurs.SelectMany(e => e.Value)];
                break;
            case ResultatReservation.Indisponible:
                Refus = "Ce créneau vient d'être pris ou n'est plus disponible : choisissez-en un autre sur la plateforme SAS.";
                break;
            default:
                return NotFound();
        }
        Creneau = await CreneauAsync(creneau, ct);
        return Page();
    }

    private PageResult SansSessionPage()
    {
        SansSession = true;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // This page is the explanation: the generic error page must not replace it.
        HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        return Page();
    }

    /// <summary>The regulator of the SAS session, if one is open (cookie of the /sas pages only).</summary>
    private async Task<long?> CompteAsync()
    {
        var session = await HttpContext.AuthenticateAsync(ConnexionRegulateurSas.Schema);
        Regulateur = session.Principal?.Identity?.Name;
        return session.Succeeded ? ConnexionRegulateurSas.CompteId(session.Principal) : null;
    }

    private Task<CreneauAffiche?> CreneauAsync(long id, CancellationToken ct) => (
        from c in db.CreneauxSnp
        join p in db.Professionnels on c.ProfessionnelId equals p.Id
        where c.Id == id
        select new { c.Id, p.CiviliteExercice, p.Prenom, p.Nom, c.DebutUtc, c.FinUtc, c.TypeConsultation, c.Statut })
        .AsNoTracking()
        .Select(x => new CreneauAffiche(x.Id, x.Prenom + " " + x.Nom, x.DebutUtc, x.FinUtc, x.TypeConsultation, x.Statut))
        .FirstOrDefaultAsync(ct);
}
