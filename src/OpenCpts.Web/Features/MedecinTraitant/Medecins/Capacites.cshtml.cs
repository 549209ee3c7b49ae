using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.MedecinTraitant.Medecins;

/// <summary>
/// GP capacity: a GP (Professionnel linked to a general practitioner of the directory) edits his own; the Coordination
/// edits anyone's, chosen by RPPS, and sees them all with what is left this month.
/// </summary>
[Authorize(Policy = AppariementMt.PolitiqueCapacites)]
public class CapacitesModel(OpenCptsDb db, CptsCourante cpts, MedecinConnecte connecte, ChargerDonneesAppariement charger, EnregistrerCapacite enregistrer) : PageModel
{
    public sealed record Generaliste(int Id, string Rpps, string NomAffiche);

    public bool EstCoordination => User.IsInRole(Roles.Coordination);
    /// <summary>The GP whose capacity is shown; null when the Coordination has not chosen yet.</summary>
    public Generaliste? Medecin { get; private set; }
    public MedecinCapacite? Actuelle { get; private set; }
    public IReadOnlyList<MedecinCapacite> Toutes { get; private set; } = [];
    public IReadOnlyList<Generaliste> Generalistes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Nom)> CommunesTerritoire { get; private set; } = [];
    public string? Probleme { get; private set; }
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public int NouveauxPatientsParMois { get; set; }
    [BindProperty]
    public List<string> Communes { get; set; } = [];
    [BindProperty]
    public int? AgeMin { get; set; }
    [BindProperty]
    public int? AgeMax { get; set; }
    [BindProperty]
    public List<string> CriteresExiges { get; set; } = [];
    [BindProperty]
    public bool EnPause { get; set; }

    public async Task<IActionResult> OnGetAsync(string? rpps, CancellationToken ct)
    {
        if (await ChoisirAsync(rpps, ct) is { } refus)
        {
            return refus;
        }
        if (Actuelle is { } a)
        {
            NouveauxPatientsParMois = a.Capacite.NouveauxPatientsParMois;
            Communes = [.. a.Capacite.Communes()];
            AgeMin = a.Capacite.AgeMin;
            AgeMax = a.Capacite.AgeMax;
            CriteresExiges = [.. Criteres.Codes(a.Capacite.CriteresExiges)];
            EnPause = a.Capacite.EnPause;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? rpps, CancellationToken ct)
    {
        if (await ChoisirAsync(rpps, ct) is { } refus)
        {
            return refus;
        }
        if (Medecin is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Probleme = "Vérifiez les nombres saisis.";
            return Page();
        }
        var criteres = CriteresExiges.Select(Criteres.DepuisCode).OfType<CriteresPriorite>().Aggregate(CriteresPriorite.Aucun, (a, c) => a | c);
        var resultat = await enregistrer.ExecuteAsync(Medecin.Id, new SaisieCapacite(NouveauxPatientsParMois, Communes, AgeMin, AgeMax, criteres, EnPause), User.Identity?.Name, ct);
        switch (resultat)
        {
            case ResultatCapacite.Enregistree:
                Message = EnPause ? "Capacité enregistrée, en pause : aucune proposition ne sera faite." : "Capacité enregistrée.";
                return RedirectToPage(new { rpps = EstCoordination ? Medecin.Rpps : null });
            case ResultatCapacite.Invalide invalide:
                ModelState.AjouterErreurs(invalide.Erreurs);
                Probleme = string.Join(" ", invalide.Erreurs.Values.SelectMany(m => m));
                return Page();
            default:
                Probleme = "Seul un médecin généraliste de l'annuaire peut déclarer une capacité.";
                return Page();
        }
    }

    /// <summary>Decides whose capacity: a GP only his own; the Coordination the RPPS given. Null when allowed.</summary>
    private async Task<IActionResult?> ChoisirAsync(string? rpps, CancellationToken ct)
    {
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        CommunesTerritoire = [.. (await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct))
            .OrderBy(c => c.Nom, StringComparer.Create(PlateformeWeb.Francais, true)).Select(c => (c.CodeInsee, c.Nom))];
        int? id;
        if (EstCoordination)
        {
            Toutes = await charger.MedecinsAsync(null, ct);
            Generalistes = [.. (await db.Professionnels.AsNoTracking()
                    .Where(p => p.CodeProfession == "10" && EnregistrerCapacite.SpecialitesMedecineGenerale.Contains(p.CodeSpecialite)
                        && p.Activites.Any(a => codes.Contains(a.CodeCommune!)))
                    .Select(p => new { p.Id, p.Rpps, p.CiviliteExercice, p.Prenom, p.Nom })
                    .ToListAsync(ct))
                .Select(p => new Generaliste(p.Id, p.Rpps, Annuaire.Civilites.NomAffiche(p.CiviliteExercice, p.Prenom, p.Nom)))
                .OrderBy(p => p.NomAffiche, StringComparer.Create(PlateformeWeb.Francais, true))];
            if (string.IsNullOrWhiteSpace(rpps))
            {
                return null;
            }
            id = await db.Professionnels.Where(p => p.Rpps == rpps).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                return NotFound();
            }
        }
        else
        {
            id = await connecte.ProfessionnelIdAsync(User, ct);
            if (id is null)
            {
                Probleme = "Votre compte n'est relié à aucune fiche de l'annuaire : demandez à la coordination de la CPTS de le relier à votre numéro RPPS.";
                return null;
            }
            if (!string.IsNullOrWhiteSpace(rpps) && !await db.Professionnels.AnyAsync(p => p.Id == id && p.Rpps == rpps, ct))
            {
                return Forbid();
            }
        }
        var pro = await db.Professionnels.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Rpps, p.CiviliteExercice, p.Prenom, p.Nom, p.CodeProfession, p.CodeSpecialite }).SingleAsync(ct);
        if (!EnregistrerCapacite.EstGeneraliste(pro.CodeProfession, pro.CodeSpecialite))
        {
            Probleme = "Seul un médecin généraliste de l'annuaire peut déclarer une capacité.";
            return null;
        }
        Medecin = new Generaliste(pro.Id, pro.Rpps, Annuaire.Civilites.NomAffiche(pro.CiviliteExercice, pro.Prenom, pro.Nom));
        Actuelle = (await charger.MedecinsAsync(pro.Id, ct)).SingleOrDefault();
        return null;
    }
}
