using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>
/// A pathway patient's file: identity, consent to sharing, care team, the team's thread (messages, attachments, read
/// receipts) and his discharge plans. Only the Coordination and the active members of his team get in: everyone else
/// gets the same 404 as for an unknown patient, and the attempt is written to the audit log. Every display writes the read of the file and of the thread.
/// The upload form accepts a request a little larger than 3 files of 5 MB, so that the use case's own checks answer
/// (in French) rather than the server.
/// </summary>
[Authorize(Policy = Parcours.PolitiqueParcours)]
[RequestSizeLimit(PublierMessageEquipe.TailleRequeteMax)]
[RequestFormLimits(MultipartBodyLengthLimit = PublierMessageEquipe.TailleRequeteMax)]
public class DossierPatientModel(
    AccesPatient acces,
    UtilisateurParcours utilisateurs,
    ConsulterDossierPatient consulter,
    ConsulterFilEquipe fil,
    EnregistrerConsentement consentement,
    PublierMessageEquipe publier,
    RechercherProfessionnelsEquipe rechercher,
    AjouterProfessionnelEquipe ajouter,
    RetirerMembreEquipe retirer) : PageModel
{
    public const string Ressource = "DossierPatient";

    public DossierPatient Dossier { get; private set; } = null!;
    public IReadOnlyList<MessageAffiche> Messages { get; private set; } = [];
    public ProfilParcours Profil { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    public IReadOnlyList<ProfessionnelPropose> Resultats { get; private set; } = [];

    [BindProperty] public string? Texte { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Erreur { get; private set; }

    public string Adresse => $"/parcours/patients/{Dossier.Id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await AccederAsync(id, "Lecture", ct) is { } refus)
        {
            return refus;
        }
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            Resultats = await rechercher.ExecuteAsync(Recherche, ct);
        }
        await ChargerFilAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConsentementAsync(long id, bool accord, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        switch (await consentement.ExecuteAsync(id, accord, Profil.Email, ct))
        {
            case ResultatConsentement.Enregistre:
                Message = "Consentement enregistré : l'équipe peut partager des informations dans le fil.";
                return Redirect(Adresse);
            case ResultatConsentement.DejaEnregistre:
                Message = "Le consentement était déjà enregistré.";
                return Redirect(Adresse);
            case ResultatConsentement.AccordManquant:
                ModelState.AddModelError("accord", "Cochez la case pour confirmer que le patient a donné son accord.");
                return await PageEnErreurAsync(StatusCodes.Status400BadRequest, null, ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostMessageAsync(long id, List<IFormFile>? fichiers, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        var recus = (fichiers ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Select(f => new FichierRecu(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        switch (await publier.ExecuteAsync(id, Texte, recus, Profil, ct))
        {
            case ResultatPublication.Publie:
                Message = "Message publié dans le fil de l'équipe.";
                return Redirect(Adresse + "#fil");
            case ResultatPublication.SansConsentement:
                return await PageEnErreurAsync(StatusCodes.Status409Conflict,
                    "Message non publié : le consentement du patient au partage d'informations dans son équipe n'est pas enregistré. " +
                    "Recueillez-le et enregistrez-le avant de partager quoi que ce soit.", ct);
            case ResultatPublication.Invalide inv:
                ModelState.AjouterErreurs(inv.Erreurs);
                return await PageEnErreurAsync(StatusCodes.Status400BadRequest, "Message non publié : corrigez ce qui est signalé (votre texte est conservé ; joignez de nouveau les fichiers).", ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAjouterMembreAsync(long id, int professionnelId, string? role, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        Message = await ajouter.ExecuteAsync(id, professionnelId, role, Profil.Email, ct)
            ? "Professionnel ajouté à l'équipe."
            : "Ce professionnel n'est pas dans l'annuaire.";
        return Redirect(Adresse + "#equipe");
    }

    public async Task<IActionResult> OnPostRetirerMembreAsync(long id, long membreId, string? motif, CancellationToken ct)
    {
        if (await AccederAsync(id, "Modification", ct) is { } refus)
        {
            return refus;
        }
        if (!Profil.Coordination)
        {
            // A team member sees the file, so a 403 reveals nothing he does not know.
            return Forbid();
        }
        Message = await retirer.ExecuteAsync(id, membreId, motif, Profil.Email, ct) ? "Membre retiré de l'équipe." : "Ce membre n'était plus dans l'équipe.";
        return Redirect(Adresse + "#equipe");
    }

    /// <summary>
    /// 404 for an unknown patient and, the same, outside the team (logged as "Refus"), so that the answer does not tell
    /// whether the patient exists; otherwise logs the access and loads the file.
    /// </summary>
    private async Task<IActionResult?> AccederAsync(long id, string action, CancellationToken ct)
    {
        if (!await acces.VerifierEtJournaliserAsync(User, id, Ressource, id.ToString(CultureInfo.InvariantCulture), action, ct))
        {
            return NotFound();
        }
        Profil = await utilisateurs.ProfilAsync(User, ct);
        var dossier = await consulter.ExecuteAsync(id, ct);
        if (dossier is null)
        {
            return NotFound();
        }
        Dossier = dossier;
        return null;
    }

    private async Task ChargerFilAsync(CancellationToken ct) => Messages = await fil.ExecuteAsync(Dossier.Id, Profil, ct);

    private async Task<PageResult> PageEnErreurAsync(int statut, string? erreur, CancellationToken ct)
    {
        Erreur = erreur;
        await ChargerFilAsync(ct);
        Response.StatusCode = statut;
        return Page();
    }
}
