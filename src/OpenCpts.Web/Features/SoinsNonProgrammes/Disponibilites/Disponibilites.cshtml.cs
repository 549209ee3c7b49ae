using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>
/// Availabilities of a professional: his weekly patterns and one-off slots. A Professionnel manages
/// his own (another RPPS is a 403); the Régulation and the Coordination choose the professional.
/// </summary>
[Authorize(Policy = SoinsNonProgrammes.PolitiqueDisponibilites)]
public class DisponibilitesModel(
    ProfessionnelGere professionnelGere,
    ListerDisponibilites lister,
    EnregistrerModele enregistrer,
    SuspendreModele suspendre,
    ArchiverModele archiver,
    PublierCreneauPonctuel publier,
    RechercherProfessionnels rechercher,
    TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Rpps { get; set; }

    /// <summary>Search text of the Régulation/Coordination professional chooser.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Texte { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Modifier { get; set; }

    [BindProperty]
    public SaisieModele Saisie { get; set; } = new();

    [BindProperty]
    public SaisieCreneauPonctuel Ponctuel { get; set; } = new();

    public ProfessionnelDisponibilites? Professionnel { get; private set; }
    public Disponibilites? Liste { get; private set; }
    public IReadOnlyList<ProfessionnelTrouve> Trouves { get; private set; } = [];
    public bool PeutChoisir => User.IsInRole(Roles.Regulation) || User.IsInRole(Roles.Coordination);
    public string? RppsInconnu { get; private set; }
    public string? Message { get; private set; }
    public bool Erreur { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ChargerAsync(ct) is { } refus)
        {
            return refus;
        }
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        Saisie.DateDebut = aujourdhui;
        Ponctuel.Date = aujourdhui.AddDays(1);
        if (Modifier is { } id && Liste!.Modeles.FirstOrDefault(m => m.Modele.Id == id)?.Modele is { } m)
        {
            Saisie = new SaisieModele
            {
                Id = m.Id,
                JourSemaine = m.JourSemaine,
                HeureDebut = m.HeureDebut,
                HeureFin = m.HeureFin,
                DureeCreneauMinutes = m.DureeCreneauMinutes,
                DateDebut = m.DateDebut,
                DateFin = m.DateFin,
                TypeConsultation = m.TypeConsultation,
                Visibilite = m.Visibilite,
                AvecRendezVous = m.AvecRendezVous,
                Motif = m.Motif,
                ActiviteId = m.ActiviteId,
            };
        }
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostEnregistrerAsync(CancellationToken ct)
    {
        if (await ChargerAsync(ct) is { } refus)
        {
            return refus;
        }
        ModelState.Clear();
        var r = await enregistrer.ExecuteAsync(Professionnel!.Id, Saisie, ct);
        switch (r)
        {
            case ResultatEnregistrementModele.Enregistre e:
                return Retour($"Disponibilité enregistrée : {e.Materialisation.Crees} créneau(x) créé(s), {e.Materialisation.Retires} retiré(s).");
            case ResultatEnregistrementModele.Invalide i:
                ModelState.AjouterErreurs(i.Erreurs, nameof(Saisie));
                Message = "La disponibilité n'a pas été enregistrée : corrigez les champs signalés.";
                Erreur = true;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Retour("Cette disponibilité n'existe plus.");
        }
    }

    public async Task<IActionResult> OnPostSuspendreAsync(int modeleId, DateOnly? du, DateOnly? au, CancellationToken ct)
    {
        if (await ChargerAsync(ct) is { } refus)
        {
            return refus;
        }
        var r = await suspendre.ExecuteAsync(Professionnel!.Id, modeleId, du, au, ct);
        return Retour(SuspendreModele.Message(r));
    }

    public async Task<IActionResult> OnPostArchiverAsync(int modeleId, CancellationToken ct)
    {
        if (await ChargerAsync(ct) is { } refus)
        {
            return refus;
        }
        var ok = await archiver.ExecuteAsync(Professionnel!.Id, modeleId, ct);
        return Retour(ok ? "Disponibilité arrêtée : ses créneaux libres à venir sont retirés, les rendez-vous pris sont conservés." : "Cette disponibilité n'existe plus.");
    }

    public async Task<IActionResult> OnPostPonctuelAsync(CancellationToken ct)
    {
        if (await ChargerAsync(ct) is { } refus)
        {
            return refus;
        }
        ModelState.Clear();
        var r = await publier.ExecuteAsync(Professionnel!.Id, Ponctuel, ct);
        if (r is ResultatCreneauPonctuel.Refuse refuse)
        {
            Message = refuse.Message;
            Erreur = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Retour("Créneau publié.");
    }

    private RedirectToPageResult Retour(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage(new { rpps = PeutChoisir ? Rpps : null });
    }

    /// <summary>Null when the page can go on; else the response (403, or the chooser page).</summary>
    private async Task<IActionResult?> ChargerAsync(CancellationToken ct)
    {
        switch (await professionnelGere.ExecuteAsync(User, Rpps, ct))
        {
            case ResultatProfessionnelGere.Trouve t:
                Professionnel = t.Professionnel;
                Liste = await lister.ExecuteAsync(t.Professionnel.Id, ct);
                return null;
            case ResultatProfessionnelGere.Interdit:
                return Forbid();
            case ResultatProfessionnelGere.NonRelie:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            case ResultatProfessionnelGere.AChoisir a:
                RppsInconnu = a.RppsInconnu;
                if (!string.IsNullOrWhiteSpace(Texte))
                {
                    Trouves = (await rechercher.ExecuteAsync(new FiltreProfessionnels { Texte = Texte, TaillePage = 20 }, ct)).Elements;
                }
                if (a.RppsInconnu is not null)
                {
                    Response.StatusCode = StatusCodes.Status404NotFound;
                }
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }
}
