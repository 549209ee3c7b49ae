using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>The regulation desk: take a patient's request, then look for a slot on the request's page.</summary>
[Authorize(Policy = SoinsNonProgrammes.PolitiqueRegulation)]
public class RegulationModel(CreerDemande creer, ListerDemandesDuJour lister, RechercherCommunes rechercherCommunes, OpenCptsDb db, JournalAudit audit) : PageModel
{
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Prenom { get; set; }
    [BindProperty] public DateOnly? DateNaissance { get; set; }
    [BindProperty] public string? Telephone { get; set; }
    [BindProperty] public string? Email { get; set; }
    /// <summary>"18033 Bourges" as chosen in the list, or a bare INSEE code.</summary>
    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public string? Ins { get; set; }
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public string? Urgence { get; set; } = UrgencesDemande.JourMeme;
    [BindProperty] public string? TypeSouhaite { get; set; }
    [BindProperty] public bool AMedecinTraitant { get; set; }
    [BindProperty] public string? NomMedecinTraitant { get; set; }

    public IReadOnlyList<DemandeDuJour> Demandes { get; private set; } = [];
    public IReadOnlyList<CommuneTrouvee> Communes { get; private set; } = [];

    /// <summary>The commune is typed as a name or a postcode, then read into the INSEE code the identity checks.</summary>
    private static readonly Dictionary<string, string> ChampsSaisis = new(StringComparer.Ordinal) { [ChampsIdentite.CommuneInsee] = nameof(Commune) };

    public Task OnGetAsync(CancellationToken ct) => ListerAsync(ct);

    /// <summary>The day's requests name their patients: the list is a read of each of them, and is audited.</summary>
    private async Task ListerAsync(CancellationToken ct)
    {
        Demandes = await lister.ExecuteAsync(ct);
        await audit.EnregistrerAsync("Lecture", "ListeDemandesSnp", "jour", $"{Demandes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} demande(s) du jour", ct);
    }

    /// <summary>Options of the commune list, as the operator types a name or a postcode.</summary>
    public async Task<IActionResult> OnGetCommunesAsync(string? commune, CancellationToken ct)
    {
        Communes = string.IsNullOrWhiteSpace(commune) || commune.Trim().Length < 2 ? [] : await rechercherCommunes.ExecuteAsync(commune, ct);
        return Partial("_OptionsCommunes", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A date the model binder could not read is reported in French rather than in its own words.
        if (ModelState[nameof(DateNaissance)]?.Errors.Count > 0)
        {
            ModelState.Remove(nameof(DateNaissance));
            ModelState.AddModelError(nameof(DateNaissance), "La date de naissance n'est pas valide.");
        }
        var code = await CodeCommuneAsync(ct);
        var resultat = await creer.ExecuteAsync(new SaisieDemande(
            new SaisieIdentite(Nom, Prenom, DateNaissance, Telephone: Telephone, Email: Email, Ins: Ins, CommuneInsee: code), Motif, Urgence, TypeSouhaite, AMedecinTraitant, NomMedecinTraitant),
            User.Identity?.Name, ct);
        if (resultat is ResultatDemande.Creee creee && ModelState.IsValid)
        {
            await audit.EnregistrerAsync("Creation", "DemandeSnp", creee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
            return Redirect($"/snp/regulation/demandes/{creee.Id}");
        }
        if (resultat is ResultatDemande.Invalide invalide)
        {
            ModelState.AjouterErreurs(invalide.Erreurs, champs: ChampsSaisis);
        }
        await ListerAsync(ct);
        return Page();
    }

    private async Task<string?> CodeCommuneAsync(CancellationToken ct)
    {
        var saisie = Commune?.Trim();
        if (string.IsNullOrEmpty(saisie))
        {
            return null;
        }
        var code = saisie.Split(' ', 2)[0];
        if (code.Length == 5 && await db.Communes.AnyAsync(c => c.CodeInsee == code, ct))
        {
            return code;
        }
        // A name or a postcode typed without choosing in the list: accept it when it designates one commune.
        var trouvees = await rechercherCommunes.ExecuteAsync(saisie, ct);
        return trouvees.Count == 1 ? trouvees[0].CodeInsee : code;
    }
}
