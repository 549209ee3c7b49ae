using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Protocoles;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>
/// Opens a discharge plan. An establishment account opens it for its own hospital (not chosen here, and its e-mail is
/// the default contact); the Coordination chooses the hospital among the structures of the directory.
/// </summary>
[Authorize(Policy = SortiesHospitalisation.PolitiqueOuverture)]
public class NouveauPlanSortieModel(OuvrirPlanSortie ouvrir, UtilisateurParcours utilisateurs, OpenCptsDb db, CptsCourante cpts) : PageModel
{
    /// <summary>The fields whose form control is named otherwise than the plan's key, so that errors show beside them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Champs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Patient.Nom"] = nameof(Nom),
        ["Patient.Prenom"] = nameof(Prenom),
        ["Patient.DateNaissance"] = nameof(DateNaissance),
        ["Patient.CommuneInsee"] = nameof(Commune),
        ["FinessStructure"] = nameof(StructureId),
        ["Contact.Nom"] = nameof(ContactNom),
        ["Contact.Email"] = nameof(ContactEmail),
        ["Contact.Telephone"] = nameof(ContactTelephone),
    };

    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public string? Prenom { get; set; }
    [BindProperty] public DateOnly? DateNaissance { get; set; }
    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public DateOnly? DateSortiePrevue { get; set; }
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? ContactNom { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactTelephone { get; set; }
    [BindProperty] public int? ProtocoleId { get; set; }

    public ProfilParcours? Profil { get; private set; }
    /// <summary>The establishment account's own structure, shown instead of the choice.</summary>
    public string? StructurePropre { get; private set; }
    public IReadOnlyList<(int Id, string Nom, string? Commune)> Structures { get; private set; } = [];
    public IReadOnlyList<(string Code, string Nom)> Communes { get; private set; } = [];
    public IReadOnlyList<(int Id, string Titre)> Protocoles { get; private set; } = [];
    public string? Refus { get; private set; }

    public bool ChoisitStructure => Profil is { Coordination: true } || Profil is { Etablissement: false };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        if (!ChoisitStructure)
        {
            ContactEmail = Profil!.Email;
            ContactNom = Profil.NomAffiche == Profil.Email ? null : Profil.NomAffiche;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var champ in new[] { nameof(DateNaissance), nameof(DateSortiePrevue), nameof(StructureId), nameof(ProtocoleId) })
        {
            if (ModelState.TryGetValue(champ, out var e) && e.Errors.Count > 0)
            {
                ModelState.Remove(champ);
                ModelState.AddModelError(champ, champ.StartsWith("Date", StringComparison.Ordinal) ? "Cette date n'est pas valide (JJ/MM/AAAA)." : "Choix invalide.");
            }
        }
        var profil = await utilisateurs.ProfilAsync(User, ct);
        if (ModelState.IsValid)
        {
            var saisie = new SaisiePlanSortie(new SaisieIdentite(Nom, Prenom, DateNaissance, CommuneInsee: Commune), DateSortiePrevue,
                profil.Coordination || !profil.Etablissement ? StructureId : null, null, Service, ContactNom, ContactEmail, ContactTelephone, ProtocoleId);
            switch (await ouvrir.ExecuteAsync(saisie, profil, ct))
            {
                case ResultatOuverturePlan.Ouvert o:
                    TempData["Message"] = "Plan de sortie ouvert : complétez la liste et l'équipe du patient.";
                    return Redirect($"/parcours/sorties/{o.Id}");
                case ResultatOuverturePlan.Interdit i:
                    Refus = i.Raison;
                    break;
                case ResultatOuverturePlan.Invalide inv:
                    ModelState.AjouterErreurs(inv.Erreurs, champs: Champs);
                    break;
            }
        }
        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Profil = await utilisateurs.ProfilAsync(User, ct);
        if (ChoisitStructure)
        {
            Structures = [.. (await db.Structures.AsNoTracking().Where(s => !s.Fermee).OrderBy(s => s.NomRecherche).Select(s => new { s.Id, s.Nom, s.LibelleCommune }).ToListAsync(ct))
                .Select(s => (s.Id, s.Nom, s.LibelleCommune))];
        }
        else if (Profil.StructureId is { } sid)
        {
            StructurePropre = await db.Structures.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Nom).FirstOrDefaultAsync(ct);
        }
        var codes = (await cpts.CodesCommunesAsync(ct)).ToList();
        Communes = [.. (await db.Communes.AsNoTracking().Where(c => codes.Contains(c.CodeInsee)).OrderBy(c => c.Nom)
            .Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct)).Select(c => (c.CodeInsee, c.Nom))];
        Protocoles = [.. (await db.Protocoles.AsNoTracking().Where(p => p.Statut == StatutsProtocole.Valide).OrderBy(p => p.Titre)
            .Select(p => new { p.Id, p.Titre }).ToListAsync(ct)).Select(p => (p.Id, p.Titre))];
    }
}
