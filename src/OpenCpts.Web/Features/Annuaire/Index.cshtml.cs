using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>
/// The directory search: professionals or structures. The filter form re-queries through htmx and
/// gets only the results fragment; a plain GET (no script, bookmark, history) gets the whole page.
/// </summary>
[Authorize(Policy = Comptes.Comptes.PolitiqueAnnuaire)]
public class IndexModel(RechercherProfessionnels rechercherProfessionnels, RechercherStructures rechercherStructures, OpenCptsDb db, CptsCourante cptsCourante)
    : PageModel
{
    public const string VueStructures = "structures";

    // "page" is taken by Razor Pages' own route value, hence "p" for the page number.
    [BindProperty(SupportsGet = true, Name = "vue")]
    public string? Vue { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Texte { get; set; }

    [BindProperty(SupportsGet = true, Name = "profession")]
    public string? Profession { get; set; }

    [BindProperty(SupportsGet = true, Name = "specialite")]
    public string? Specialite { get; set; }

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "competence")]
    public string? Competence { get; set; }

    [BindProperty(SupportsGet = true, Name = "membres")]
    public bool Membres { get; set; }

    [BindProperty(SupportsGet = true, Name = "categorie")]
    public string? Categorie { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public bool EstVueStructures => Vue == VueStructures;

    public ResultatsRecherche<ProfessionnelTrouve>? Professionnels { get; private set; }
    public ResultatsRecherche<StructureTrouvee>? Structures { get; private set; }

    public IReadOnlyList<CodeNos> Professions { get; private set; } = [];
    public IReadOnlyList<CodeNos> Specialites { get; private set; } = [];
    public IReadOnlyList<CodeNos> Categories { get; private set; } = [];
    public IReadOnlyList<CodeNos> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EstVueStructures)
        {
            Structures = await rechercherStructures.ExecuteAsync(new FiltreStructures
            {
                Texte = Texte,
                CodeCategorie = Categorie,
                CodeCommune = Commune,
                Page = NumeroPage,
            }, ct);
        }
        else
        {
            Professionnels = await rechercherProfessionnels.ExecuteAsync(FiltreProfessionnels(), ct);
        }

        // The same URL answers a fragment to htmx and a page to the browser: keep caches apart.
        Response.Headers.Vary = "HX-Request";
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest())
        {
            return Partial(EstVueStructures ? "_Structures" : "_Professionnels", this);
        }
        await ChargerListesAsync(ct);
        return Page();
    }

    public FiltreProfessionnels FiltreProfessionnels() => new()
    {
        Texte = Texte,
        CodeProfession = Profession,
        CodeSpecialite = Specialite,
        CodeCommune = Commune,
        Competence = Competence,
        MembresSeulement = Membres,
        Page = NumeroPage,
    };

    /// <summary>The URL of this search on another page (pagination links, pushed history).</summary>
    public string Lien(int numeroPage) => "/annuaire" + Parametres(numeroPage, avecVue: true);

    /// <summary>The CSV export of the same professional search (every page).</summary>
    public string LienExport() => "/annuaire/export.csv" + Parametres(null, avecVue: false);

    private string Parametres(int? numeroPage, bool avecVue)
    {
        var qb = new QueryBuilder();
        void Ajouter(string nom, string? valeur)
        {
            if (!string.IsNullOrWhiteSpace(valeur))
            {
                qb.Add(nom, valeur);
            }
        }
        if (avecVue)
        {
            Ajouter("vue", Vue);
        }
        Ajouter("q", Texte);
        Ajouter("commune", Commune);
        if (EstVueStructures)
        {
            Ajouter("categorie", Categorie);
        }
        else
        {
            Ajouter("profession", Profession);
            Ajouter("specialite", Specialite);
            Ajouter("competence", Competence);
            Ajouter("membres", Membres ? "true" : null);
        }
        if (numeroPage is > 1)
        {
            Ajouter("p", numeroPage.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return qb.ToQueryString().Value ?? "";
    }

    private async Task ChargerListesAsync(CancellationToken ct)
    {
        // Only the codes present in the directory: a select of 200 professions nobody practises helps no one.
        var professions = await db.Professionnels.Select(p => p.CodeProfession).Distinct().ToListAsync(ct);
        Professions = Restreindre(Terminologies.Instance.Professions, professions);
        var specialites = await db.Professionnels.Where(p => p.CodeSpecialite != null).Select(p => p.CodeSpecialite!).Distinct().ToListAsync(ct);
        Specialites = Restreindre(Terminologies.Instance.Specialites, specialites);
        var categories = await db.Structures.Select(s => s.CodeCategorie).Distinct().ToListAsync(ct);
        Categories = Restreindre(Terminologies.Instance.CategoriesEtablissement, categories);

        var cpts = await cptsCourante.TrouverAsync(ct);
        if (cpts is not null)
        {
            var communes = await db.CommunesTerritoire.Where(t => t.CptsId == cpts.Id)
                .Select(t => new { t.CodeInsee, t.Commune!.Nom })
                .ToListAsync(ct);
            Communes = [.. communes
                .Select(c => new CodeNos(c.CodeInsee, c.Nom))
                .OrderBy(c => c.Libelle, StringComparer.Create(Infrastructure.Web.PlateformeWeb.Francais, true))];
        }
    }

    private static CodeNos[] Restreindre(Terminologies.Table table, List<string> presents)
    {
        var codes = presents.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var connus = table.Tous.Where(c => codes.Contains(c.Code)).ToList();
        // A code missing from the embedded snapshot stays selectable, shown as its code.
        connus.AddRange(codes.Where(c => !table.Existe(c)).Order(StringComparer.Ordinal).Select(c => new CodeNos(c, c)));
        return [.. connus];
    }
}
