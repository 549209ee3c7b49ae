using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// The public form: a patient registers himself, without an account. Against abuse: a rate limit on submissions per
/// address (IPv6: per /64), a global hourly cap that alerts the Coordination, a signed single-use arithmetic question,
/// and a honeypot field that people do not see. Whatever goes wrong,
/// nothing is stored; a possible duplicate is registered and flagged for the Coordination (the patient is not told
/// that someone else is registered). Success shows the reference number.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ListeAttente.LimiteInscriptionPublique)]
public class InscriptionModel(
    InscrireDemandeMt inscrire, ValiderDemandeMt valider, DefiInscription defis, PlafondInscriptionsPubliques plafond, OpenCptsDb db, CptsCourante cpts)
    : PageModel
{
    public const string MessageDefi = "La réponse à la question de vérification est incorrecte, a expiré ou a déjà servi : répondez à la nouvelle question.";

    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Prenom { get; set; }
    [BindProperty] public DateOnly? DateNaissance { get; set; }
    [BindProperty] public string? Sexe { get; set; }
    [BindProperty] public string? Ins { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public string? Raison { get; set; }
    [BindProperty] public List<string> CriteresChoisis { get; set; } = [];
    [BindProperty] public bool Consentement { get; set; }
    [BindProperty] public string? JetonDefi { get; set; }
    [BindProperty] public string? ReponseDefi { get; set; }
    /// <summary>Honeypot: hidden from people, filled in by naive robots.</summary>
    [BindProperty] public string? SiteWeb { get; set; }

    public Defi Defi { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Nom)> Communes { get; private set; } = [];
    public string? NomCpts { get; private set; }
    public string? Reference { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await plafond.AtteintAsync(ct))
        {
            ModelState.AddModelError("", PlafondInscriptionsPubliques.MessageRefus);
            await ChargerAsync(ct);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!string.IsNullOrEmpty(SiteWeb))
        {
            ModelState.AddModelError("", "Votre demande n'a pas pu être enregistrée.");
        }
        else if (!await defis.VerifierAsync(JetonDefi, ReponseDefi, ct))
        {
            ModelState.AddModelError("Defi", MessageDefi);
        }
        if (ModelState.TryGetValue(nameof(DateNaissance), out var d) && d.Errors.Count > 0)
        {
            ModelState.Remove(nameof(DateNaissance));
            ModelState.AddModelError(nameof(DateNaissance), "La date de naissance n'est pas valide (JJ/MM/AAAA).");
        }
        if (!Consentement)
        {
            ModelState.AddModelError(nameof(Consentement), "Votre accord pour être contacté est nécessaire : sans lui, la CPTS ne peut pas vous proposer de médecin.");
        }
        // The fields are checked even when the question failed, so that every error shows at once.
        var saisie = new SaisieDemandeMt(Nom, Prenom, DateNaissance, Sexe, Ins, Telephone, Email, Commune, Raison, CriteresChoisis, null, Consentement);
        var (_, erreurs) = await valider.ExecuteAsync(saisie, ct);
        ModelState.AjouterErreurs(erreurs, champs: InscrireModel.Champs);
        if (ModelState.IsValid
            && await inscrire.ExecuteAsync(saisie, new ContexteInscription(OriginesDemandeMt.FormulairePublic, null, MalgreDoublons: true), ct)
                is ResultatInscriptionMt.Inscrite i)
        {
            Reference = i.Reference;
        }
        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Defi = defis.Nouveau();
        // A fresh question each time: the old answer must not be sent back.
        ModelState.Remove(nameof(JetonDefi));
        ModelState.Remove(nameof(ReponseDefi));
        JetonDefi = Defi.Jeton;
        ReponseDefi = null;
        var c = await cpts.TrouverAsync(ct);
        NomCpts = c?.Nom;
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        Communes = [.. (await db.Communes.AsNoTracking().Where(x => codes.Contains(x.CodeInsee)).OrderBy(x => x.Nom)
            .Select(x => new { x.CodeInsee, x.Nom }).ToListAsync(ct)).Select(x => (x.CodeInsee, x.Nom))];
    }
}
