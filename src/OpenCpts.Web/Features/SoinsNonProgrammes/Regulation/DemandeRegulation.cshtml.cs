using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Surnumeraire;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>
/// One request at the desk: the free slots of the next 48 h ranked by proximity, filters, and one-click
/// booking. A slot taken meanwhile by someone else gives a clear message and a fresh list.
/// </summary>
[Authorize(Policy = SoinsNonProgrammes.PolitiqueRegulation)]
public class DemandeRegulationModel(
    OpenCptsDb db, RechercherCreneauxProposes rechercher, OrienterDemande orienter, ClasserDemandeSansSolution sansSolution,
    CptsCourante cpts, ConsulterReservation consulter, TimeProvider horloge, ILoggerFactory journaux, Infrastructure.Audit.JournalAudit audit,
    ListerCandidatsSurnumeraire candidats, EnvoyerSurnumeraire envoyerSurnumeraire, ConsulterInvitationsSurnumeraire invitations) : PageModel
{
    public const string MessageDejaReserve = "Ce créneau vient d'être réservé par un autre opérateur. La liste ci-dessous est à jour : choisissez un autre créneau.";

    [BindProperty(SupportsGet = true, Name = "profession")]
    public string? Profession { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "site")]
    public string? CommuneSite { get; set; }

    /// <summary>Profession of the professionals proposed for a surnuméraire invitation (TRE_G15), empty = all.</summary>
    [BindProperty(SupportsGet = true, Name = "professionInvitee")]
    public string? ProfessionInvitee { get; set; }

    public DemandeSnp Demande { get; private set; } = null!;
    public IReadOnlyList<CandidatSurnumeraire> Candidats { get; private set; } = [];
    public IReadOnlyList<InvitationEnvoyee> Invitations { get; private set; } = [];
    public string? MessageSurnumeraire { get; private set; }
    public string? NomCommunePatient { get; private set; }
    public IReadOnlyList<CreneauPropose> Creneaux { get; private set; } = [];
    public IReadOnlyList<(string Code, string Nom)> CommunesTerritoire { get; private set; } = [];
    public string? Message { get; private set; }
    public FicheReservation? Reservation { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest() ? Partial("_CreneauxProposes", this) : Page();
    }

    public async Task<IActionResult> OnPostReserverAsync(long id, long creneauId, CancellationToken ct)
    {
        var resultat = await orienter.ExecuteAsync(id, creneauId, User.Identity?.Name, ct);
        if (resultat is ResultatReservation.Reservee)
        {
            var url = $"/snp/regulation/demandes/{id}";
            if (Request.IsHtmx())
            {
                Response.Htmx(h => h.Redirect(url));
                return new OkResult();
            }
            return Redirect(url);
        }
        if (!await ChargerAsync(id, ct))
        {
            return NotFound();
        }
        Message = resultat switch
        {
            ResultatReservation.Invalide i => string.Join(" ", i.Erreurs.Values.SelectMany(m => m)),
            _ => MessageDejaReserve,
        };
        return Request.IsHtmx() ? Partial("_CreneauxProposes", this) : Page();
    }

    public async Task<IActionResult> OnPostSansSolutionAsync(long id, CancellationToken ct)
    {
        await sansSolution.ExecuteAsync(id, ct);
        return Redirect($"/snp/regulation/demandes/{id}");
    }

    /// <summary>Sends surnuméraire invitations to the professionals ticked on the page.</summary>
    public async Task<IActionResult> OnPostSurnumeraireAsync(long id, int[] professionnels, CancellationToken ct)
    {
        var resultat = await envoyerSurnumeraire.ExecuteAsync(id, professionnels, User.Identity?.Name, ct);
        if (resultat is ResultatEnvoiSurnumeraire.Introuvable)
        {
            return NotFound();
        }
        if (resultat is ResultatEnvoiSurnumeraire.Envoyee)
        {
            return Redirect($"/snp/regulation/demandes/{id}#invitations");
        }
        await ChargerAsync(id, ct);
        MessageSurnumeraire = ((ResultatEnvoiSurnumeraire.Invalide)resultat).Message;
        return Page();
    }

    /// <summary>The invitations and their answers, refreshed by htmx while the operator waits.</summary>
    public async Task<IActionResult> OnGetInvitationsAsync(long id, CancellationToken ct)
    {
        var demande = await db.DemandesSnp.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demande is null)
        {
            return NotFound();
        }
        Demande = demande;
        Invitations = await invitations.EnvoyeesAsync(id, ct);
        return Partial("_InvitationsSurnumeraire", this);
    }

    private async Task<bool> ChargerAsync(long id, CancellationToken ct)
    {
        var demande = await db.DemandesSnp.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demande is null)
        {
            return false;
        }
        Demande = demande;
        journaux.CreateLogger("AuditLecture").LogInformation(
            "Patient data read: request {DemandeId} by {Utilisateur} at {InstantUtc:O}", id, User.Identity?.Name, horloge.GetUtcNow());
        await audit.LectureAsync("DemandeSnp", id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        NomCommunePatient = await db.Communes.Where(c => c.CodeInsee == demande.CodeCommune).Select(c => c.Nom).FirstOrDefaultAsync(ct);
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        CommunesTerritoire = [.. (await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).OrderBy(c => c.Nom)
            .Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct)).Select(c => (c.CodeInsee, c.Nom))];
        if (demande.ReservationSnpId is { } reservationId)
        {
            Reservation = await consulter.ExecuteAsync(reservationId, ct);
        }
        Invitations = await invitations.EnvoyeesAsync(id, ct);
        if (demande.Statut == StatutsDemande.Ouverte)
        {
            Candidats = await candidats.ExecuteAsync(id, string.IsNullOrEmpty(ProfessionInvitee) ? null : ProfessionInvitee, ct: ct);
            Type ??= demande.TypeSouhaite;
            Creneaux = await rechercher.ExecuteAsync(new FiltreCreneaux
            {
                CommunePatient = demande.CodeCommune,
                Profession = string.IsNullOrEmpty(Profession) ? null : Profession,
                TypeConsultation = string.IsNullOrEmpty(Type) ? null : Type,
                CommuneSite = string.IsNullOrEmpty(CommuneSite) ? null : CommuneSite,
                Limite = 50,
            }, ct);
        }
        return true;
    }
}
