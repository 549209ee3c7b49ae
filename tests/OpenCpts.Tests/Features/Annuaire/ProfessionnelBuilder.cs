using System.Globalization;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Tests.Features.Annuaire;

/// <summary>
/// Test data for the directory: a general practitioner in Bourges unless told otherwise, with a
/// unique RPPS. Only the values a test states matter to it.
/// </summary>
public sealed class ProfessionnelBuilder
{
    private static int _suivant;

    private readonly Professionnel _professionnel;
    private readonly List<int> _cpts = [];

    public ProfessionnelBuilder(string nom = "MARTIN", string prenom = "Paul")
    {
        var n = Interlocked.Increment(ref _suivant);
        var rpps = "1" + n.ToString("D10", CultureInfo.InvariantCulture);
        _professionnel = new Professionnel
        {
            Rpps = rpps,
            IdentifiantNational = "8" + rpps,
            Civilite = "M",
            Nom = nom,
            Prenom = prenom,
            CodeProfession = "10",
            CodeSpecialite = "SM54",
            Source = "Saisie",
            CreeLeUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            MisAJourLeUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
    }

    public string Rpps => _professionnel.Rpps;

    public ProfessionnelBuilder AvecRpps(string rpps)
    {
        _professionnel.Rpps = rpps;
        _professionnel.IdentifiantNational = "8" + rpps;
        return this;
    }

    public ProfessionnelBuilder Docteur()
    {
        _professionnel.CiviliteExercice = "DR";
        return this;
    }

    public ProfessionnelBuilder Femme()
    {
        _professionnel.Civilite = "MME";
        return this;
    }

    /// <summary>TRE_G15 profession and TRE_R38 specialty (none by default for non-physicians).</summary>
    public ProfessionnelBuilder Profession(string code, string? specialite = null)
    {
        _professionnel.CodeProfession = code;
        _professionnel.CodeSpecialite = specialite;
        return this;
    }

    public ProfessionnelBuilder ExerceA(string codeCommune, string libelleCommune, string? telephone = null, string mode = "L", int? structureId = null, string? voie = null)
    {
        _professionnel.Activites.Add(new ActiviteProfessionnelle
        {
            IdentifiantSite = "SITE-" + (_professionnel.Activites.Count + 1).ToString(CultureInfo.InvariantCulture),
            ModeExercice = mode,
            Voie = voie ?? "1 RUE DES TILLEULS",
            CodePostal = "18000",
            CodeCommune = codeCommune,
            LibelleCommune = libelleCommune,
            Telephone = telephone,
            StructureId = structureId,
        });
        return this;
    }

    public ProfessionnelBuilder Competence(string libelle)
    {
        _professionnel.Competences.Add(new Web.Features.Annuaire.Competence { Libelle = libelle, LibelleRecherche = TexteRecherche.Normaliser(libelle) });
        return this;
    }

    public ProfessionnelBuilder AvecEmail(string email)
    {
        _professionnel.Email = email;
        return this;
    }

    public ProfessionnelBuilder EnCongeJusquAu(DateOnly fin)
    {
        _professionnel.EnCongeJusquAu = fin;
        return this;
    }

    public ProfessionnelBuilder MembreDe(int cptsId)
    {
        _cpts.Add(cptsId);
        return this;
    }

    public Professionnel Build()
    {
        _professionnel.NomRecherche = TexteRecherche.Normaliser(_professionnel.Nom + " " + _professionnel.Prenom);
        _professionnel.Adhesions = [.. _cpts.Select(id => new Adhesion { CptsId = id, DepuisLe = new DateOnly(2026, 3, 1) })];
        return _professionnel;
    }
}

public static class AnnuaireDeTest
{
    /// <summary>Saves the professionals and returns their database ids in the same order.</summary>
    public static Task<int[]> AjouterAsync(this OpenCptsApp app, params ProfessionnelBuilder[] professionnels) => app.AvecDbAsync(async db =>
    {
        var entites = professionnels.Select(p => p.Build()).ToArray();
        db.Professionnels.AddRange(entites);
        await db.SaveChangesAsync();
        return entites.Select(e => e.Id).ToArray();
    });

    public static Task<int> AjouterStructureAsync(this OpenCptsApp app, string nom, string categorie = "603", string? finess = null, string codeCommune = "18033", string libelleCommune = "Bourges", string? telephone = null) =>
        app.AvecDbAsync(async db =>
        {
            var s = new Structure
            {
                Nom = nom,
                NomRecherche = TexteRecherche.Normaliser(nom),
                CodeCategorie = categorie,
                Finess = finess,
                Voie = "2 PLACE DU MARCHE",
                CodePostal = "18000",
                CodeCommune = codeCommune,
                LibelleCommune = libelleCommune,
                Telephone = telephone,
            };
            db.Structures.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
}

/// <summary>GET a page and read it decoded, like <c>Html.TexteAsync</c> (Razor encodes accented letters).</summary>
public static class PagesDecodees
{
    public static async Task<string> PageAsync(this HttpClient client, string url) =>
        System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(url));
}
