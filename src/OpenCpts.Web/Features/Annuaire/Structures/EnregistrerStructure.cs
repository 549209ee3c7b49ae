using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Annuaire.Structures;

/// <summary>A structure as typed on its form. For a FINESS structure only the phone and e-mail are read.</summary>
public sealed record SaisieStructure(
    string? Nom = null, string? CodeCategorie = null, string? Voie = null, string? CodeCommune = null, string? CodePostal = null,
    string? Telephone = null, string? Email = null, string? Siret = null, string? Finess = null);

/// <summary>What the coordination of the current CPTS may change on a structure.</summary>
public enum EditionStructure
{
    /// <summary>Entered by hand by this CPTS: every field, and closing or reopening it.</summary>
    Complete,
    /// <summary>From FINESS: only its phone and e-mail (the import keeps the rest, and its closure, up to date).</summary>
    ContactSeulement,
}

/// <summary>A structure as its edit form shows it.</summary>
public sealed record StructureModifiable(int Id, EditionStructure Edition, string Nom, string CodeCategorie, string? Voie, string? CodeCommune,
    string? CodePostal, string? LibelleCommune, string? Telephone, string? Email, string? Siret, string? Finess, bool Fermee, DateOnly? FermeeLe,
    DateTime? ContactSaisiLeUtc);

public abstract record ResultatEnregistrementStructure
{
    private ResultatEnregistrementStructure() { }

    public sealed record Ok(int Id) : ResultatEnregistrementStructure;

    /// <summary>Errors keyed Nom, CodeCategorie, Voie, CodeCommune, CodePostal, Telephone, Email, Siret, Finess.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatEnregistrementStructure;

    /// <summary>Unknown, or entered by hand by another CPTS (the same answer).</summary>
    public sealed record Introuvable : ResultatEnregistrementStructure;
}

/// <summary>
/// Creates and edits structures by hand, for what FINESS does not list (a DAC, a CLS, an association): such a structure
/// has <see cref="SourcesStructure.Saisie"/>, belongs to the CPTS whose coordination entered it (only it edits or closes
/// it; every CPTS sees it in the shared directory), and the FINESS import never touches it. A FINESS structure is the
/// import's: by hand, any coordination may only correct its phone and e-mail, which the import then keeps
/// (<see cref="Structure.ContactSaisiLeUtc"/>). Category from TRE_R66, commune from the communes table, phone in its
/// canonical form, optional SIRET and FINESS checked with their Luhn key. Every change is audited.
/// </summary>
public sealed class EnregistrerStructure(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge, JournalAudit audit)
{
    public const int NomMax = 200;
    public const int VoieMax = 200;

    /// <summary>What the current CPTS may change on structure <paramref name="id"/>; null when nothing (unknown, or another CPTS's).</summary>
    public async Task<EditionStructure?> EditionAsync(int id, CancellationToken ct = default) =>
        await LireAsync(id, ct) is { } s ? s.Edition : null;

    /// <summary>The structure for its edit form; null when the current CPTS may not edit it.</summary>
    public async Task<StructureModifiable?> LireAsync(int id, CancellationToken ct = default)
    {
        var cptsId = db.Perimetre.CptsId;
        var s = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (s is null || Edition(s, cptsId) is not { } edition)
        {
            await RefuserAsync(id, ct);
            return null;
        }
        return new StructureModifiable(s.Id, edition, s.Nom, s.CodeCategorie, s.Voie, s.CodeCommune, s.CodePostal, s.LibelleCommune,
            s.Telephone, s.Email, s.Siret, s.Finess, s.Fermee, s.FermeeLe, s.ContactSaisiLeUtc);
    }

    /// <summary>An outsider's attempt is logged like any refusal; the page then answers as for an unknown id.</summary>
    private Task RefuserAsync(int id, CancellationToken ct) =>
        audit.EnregistrerAsync("Refus", "Structure", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Modification d'une structure inconnue ou saisie par une autre CPTS", ct);

    /// <summary>The rule, in one place: a FINESS structure's contact is anyone's to correct; a structure entered by hand is its CPTS's.</summary>
    internal static EditionStructure? Edition(Structure s, int? cptsId) =>
        s.Source == SourcesStructure.Finess ? EditionStructure.ContactSeulement
        : cptsId is not null && s.SaisieParCptsId == cptsId ? EditionStructure.Complete
        : null;

    public async Task<ResultatEnregistrementStructure> CreerAsync(SaisieStructure saisie, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var erreurs = new ErreursValidation();
        var valeurs = await ValiderAsync(saisie, null, erreurs, ct);
        if (valeurs is null)
        {
            return new ResultatEnregistrementStructure.Invalide(erreurs);
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var structure = new Structure { Source = SourcesStructure.Saisie, SaisieParCptsId = cpts.Id, CreeLeUtc = maintenant, MisAJourLeUtc = maintenant };
        Appliquer(structure, valeurs);
        db.Structures.Add(structure);
        if (!await EnregistrerAsync(ct))
        {
            return FinessPris();
        }
        await audit.EnregistrerAsync("Creation", "Structure", Id(structure.Id), $"Structure saisie : {structure.Nom}", ct);
        return new ResultatEnregistrementStructure.Ok(structure.Id);
    }

    public async Task<ResultatEnregistrementStructure> ModifierAsync(int id, SaisieStructure saisie, CancellationToken ct = default)
    {
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (structure is null || Edition(structure, db.Perimetre.CptsId) is not { } edition)
        {
            await RefuserAsync(id, ct);
            return new ResultatEnregistrementStructure.Introuvable();
        }
        var erreurs = new ErreursValidation();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var avant = Champs(structure);
        if (edition == EditionStructure.ContactSeulement)
        {
            var (telephone, email) = ValiderIdentitePatient.Contact(saisie.Telephone, saisie.Email, default, erreurs);
            if (erreurs.Count > 0)
            {
                return new ResultatEnregistrementStructure.Invalide(erreurs);
            }
            if (telephone != structure.Telephone || email != structure.Email)
            {
                (structure.Telephone, structure.Email) = (telephone, email);
                structure.ContactSaisiLeUtc = maintenant;
            }
        }
        else
        {
            var valeurs = await ValiderAsync(saisie, id, erreurs, ct);
            if (valeurs is null)
            {
                return new ResultatEnregistrementStructure.Invalide(erreurs);
            }
            Appliquer(structure, valeurs);
        }
        var changes = Changes(avant, Champs(structure));
        if (changes.Count == 0)
        {
            return new ResultatEnregistrementStructure.Ok(id);
        }
        structure.MisAJourLeUtc = maintenant;
        if (!await EnregistrerAsync(ct))
        {
            return FinessPris();
        }
        await audit.EnregistrerAsync("Modification", "Structure", Id(id), "Champs : " + string.Join(", ", changes), ct);
        return new ResultatEnregistrementStructure.Ok(id);
    }

    private sealed record Valeurs(string Nom, string CodeCategorie, string? Voie, string CodeCommune, string CodePostal, string LibelleCommune,
        string? Telephone, string? Email, string? Siret, string? Finess);

    /// <summary>Checks every field of a structure entered by hand; null when something is wrong (said in <paramref name="erreurs"/>).</summary>
    private async Task<Valeurs?> ValiderAsync(SaisieStructure s, int? id, ErreursValidation erreurs, CancellationToken ct)
    {
        var nom = s.Nom?.Trim() ?? "";
        if (nom.Length == 0)
        {
            erreurs.Ajouter(nameof(s.Nom), "Le nom de la structure est obligatoire.");
        }
        else if (nom.Length > NomMax)
        {
            erreurs.Ajouter(nameof(s.Nom), $"Le nom ne doit pas dépasser {NomMax} caractères.");
        }
        var categorie = s.CodeCategorie?.Trim() ?? "";
        if (categorie.Length == 0)
        {
            erreurs.Ajouter(nameof(s.CodeCategorie), "Choisissez la catégorie de la structure.");
        }
        else if (!Terminologies.Instance.CategoriesEtablissement.Existe(categorie))
        {
            erreurs.Ajouter(nameof(s.CodeCategorie), "Cette catégorie n'existe pas dans la nomenclature des catégories d'établissement (TRE_R66).");
        }
        var voie = string.IsNullOrWhiteSpace(s.Voie) ? null : s.Voie.Trim();
        if (voie is { Length: > VoieMax })
        {
            erreurs.Ajouter(nameof(s.Voie), $"L'adresse ne doit pas dépasser {VoieMax} caractères.");
        }
        var code = s.CodeCommune?.Trim().ToUpperInvariant() ?? "";
        Commune? commune = null;
        if (code.Length == 0)
        {
            erreurs.Ajouter(nameof(s.CodeCommune), "La commune est obligatoire (son code INSEE, ex. 18033 pour Bourges).");
        }
        else if (code.Length > 5 || (commune = await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeInsee == code, ct)) is null)
        {
            erreurs.Ajouter(nameof(s.CodeCommune), $"Le code INSEE « {(code.Length > 10 ? code[..10] + "…" : code)} » ne correspond à aucune commune.");
        }
        var codePostal = s.CodePostal?.Trim() ?? "";
        if (commune is not null)
        {
            var codes = commune.CodesPostaux.Split(',');
            if (codePostal.Length == 0)
            {
                codePostal = codes[0];
            }
            else if (!codes.Contains(codePostal, StringComparer.Ordinal))
            {
                erreurs.Ajouter(nameof(s.CodePostal), $"Le code postal de {commune.Nom} est {string.Join(" ou ", codes)}.");
            }
        }
        var (telephone, email) = ValiderIdentitePatient.Contact(s.Telephone, s.Email, default, erreurs);
        var siret = NumeroSiret.Normaliser(s.Siret, out var siretValide);
        if (!siretValide)
        {
            erreurs.Ajouter(nameof(s.Siret), NumeroSiret.MessageInvalide);
        }
        var finess = NumeroFiness.Normaliser(s.Finess, out var finessValide);
        if (!finessValide)
        {
            erreurs.Ajouter(nameof(s.Finess), NumeroFiness.MessageInvalide);
        }
        else if (finess is not null && await db.Structures.AnyAsync(x => x.Finess == finess && x.Id != id, ct))
        {
            erreurs.Ajouter(nameof(s.Finess), MessageFinessPris);
        }
        return erreurs.Count > 0 || commune is null
            ? null
            : new Valeurs(nom, categorie, voie, commune.CodeInsee, codePostal, commune.Nom.ToUpperInvariant(), telephone, email, siret, finess);
    }

    private const string MessageFinessPris = "Une structure de l'annuaire porte déjà ce numéro FINESS : cherchez-la plutôt que de la saisir.";

    private static ResultatEnregistrementStructure.Invalide FinessPris() =>
        new ResultatEnregistrementStructure.Invalide(new ErreursValidation { [nameof(SaisieStructure.Finess)] = [MessageFinessPris] });

    private static void Appliquer(Structure s, Valeurs v)
    {
        s.Nom = v.Nom;
        s.NomRecherche = TexteRecherche.Normaliser(v.Nom);
        s.CodeCategorie = v.CodeCategorie;
        s.Voie = v.Voie;
        s.CodeCommune = v.CodeCommune;
        s.CodePostal = v.CodePostal;
        s.LibelleCommune = v.LibelleCommune;
        s.Telephone = v.Telephone;
        s.Email = v.Email;
        s.Siret = v.Siret;
        s.Finess = v.Finess;
    }

    /// <summary>Saves; false when the unique FINESS index refused it (another structure took the number meanwhile).</summary>
    private async Task<bool> EnregistrerAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static Dictionary<string, string?> Champs(Structure s) => new(StringComparer.Ordinal)
    {
        ["nom"] = s.Nom,
        ["catégorie"] = s.CodeCategorie,
        ["adresse"] = s.Voie,
        ["commune"] = s.CodeCommune,
        ["code postal"] = s.CodePostal,
        ["téléphone"] = s.Telephone,
        ["e-mail"] = s.Email,
        ["SIRET"] = s.Siret,
        ["FINESS"] = s.Finess,
    };

    private static List<string> Changes(Dictionary<string, string?> avant, Dictionary<string, string?> apres) =>
        [.. avant.Where(a => !string.Equals(a.Value, apres[a.Key], StringComparison.Ordinal)).Select(a => a.Key)];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
