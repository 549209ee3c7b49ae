using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>
/// Registration by the Coordination, the Régulation or a member professional. A possible duplicate stops the
/// registration and lets the person choose: open the existing request, or register anyway (flagged for merging).
/// A professional then sees his own registrations below the form, and only them.
/// </summary>
[Authorize(Policy = ListeAttente.PolitiqueInscription)]
public class InscrireModel(InscrireDemandeMt inscrire, ListerDemandesMt lister, OpenCptsDb db, CptsCourante cpts, JournalAudit audit) : PageModel
{
    /// <summary>The fields whose form control is named otherwise than the registration's key, so that errors show beside them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Champs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ChampsIdentite.CommuneInsee] = nameof(Commune),
        [nameof(SaisieDemandeMt.Criteres)] = nameof(CriteresChoisis),
    };

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
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public bool Consentement { get; set; }
    [BindProperty] public bool MalgreDoublons { get; set; }

    public IReadOnlyList<DoublonPossible> Doublons { get; private set; } = [];
    public IReadOnlyList<(string Code, string Nom)> Communes { get; private set; } = [];
    public ListeDemandesMt? MesInscriptions { get; private set; }

    /// <summary>Staff open the existing request; a professional only learns that one exists.</summary>
    public bool VoitLaListe => User.IsInRole(Roles.Coordination) || User.IsInRole(Roles.Regulation);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.TryGetValue(nameof(DateNaissance), out var d) && d.Errors.Count > 0)
        {
            ModelState.Remove(nameof(DateNaissance));
            ModelState.AddModelError(nameof(DateNaissance), "La date de naissance n'est pas valide (JJ/MM/AAAA).");
        }
        var origine = VoitLaListe ? OriginesDemandeMt.Coordination : OriginesDemandeMt.Professionnel;
        var resultat = ModelState.IsValid
            ? await inscrire.ExecuteAsync(
                new SaisieDemandeMt(Nom, Prenom, DateNaissance, Sexe, Ins, Telephone, Email, Commune, Raison, CriteresChoisis, Notes, Consentement),
                new ContexteInscription(origine, User.Identity?.Name, MalgreDoublons), ct)
            : null;
        switch (resultat)
        {
            case ResultatInscriptionMt.Inscrite i:
                TempData["Inscrite"] = i.Reference;
                return VoitLaListe ? Redirect($"/medecin-traitant/demande/{i.Id}") : Redirect("/medecin-traitant/inscrire");
            case ResultatInscriptionMt.Invalide inv:
                ModelState.AjouterErreurs(inv.Erreurs, champs: Champs);
                break;
            case ResultatInscriptionMt.DoublonsPossibles dp:
                Doublons = dp.Doublons;
                break;
        }
        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        Communes = [.. (await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).OrderBy(c => c.Nom)
            .Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct)).Select(c => (c.CodeInsee, c.Nom))];
        if (!VoitLaListe && User.Identity?.Name is { } moi)
        {
            MesInscriptions = await lister.ExecuteAsync(new FiltreDemandesMt { Statut = FiltreDemandesMt.TousStatuts, InscritPar = moi, TaillePage = 200 }, ct);
            await audit.EnregistrerAsync("Lecture", "ListeMedecinTraitant", "mes-inscriptions", null, ct);
        }
    }
}
