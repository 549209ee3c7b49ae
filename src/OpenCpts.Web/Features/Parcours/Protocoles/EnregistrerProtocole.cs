using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>What the Coordination types in the protocol form.</summary>
/// <param name="VersionLue">The version the editor started from: saving over a newer one is refused, nothing lost.</param>
public sealed record SaisieProtocole(string? Titre, string? Pathologie, IReadOnlyList<string>? Professions, string? GroupeTravail,
    string? ContenuMarkdown, string? Commentaire = null, int? VersionLue = null);

public abstract record ResultatEnregistrementProtocole
{
    /// <param name="NouvelleVersion">False when the content was unchanged (no version added).</param>
    public sealed record Ok(int Id, int Version, bool NouvelleVersion) : ResultatEnregistrementProtocole;

    /// <summary>Errors keyed by field: Titre, Pathologie, Professions, GroupeTravail, ContenuMarkdown, Commentaire.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatEnregistrementProtocole;

    public sealed record Introuvable : ResultatEnregistrementProtocole;

    /// <summary>Someone saved a newer version since the editor opened the form.</summary>
    public sealed record Conflit(int VersionCourante, string Auteur) : ResultatEnregistrementProtocole;
}

/// <summary>
/// Creates a protocol (version 1, as a draft) or saves changes to one. A change of content adds a version
/// (number + 1, author, date, comment) and never overwrites one; a save with the same content changes the other
/// fields only, without a version. Two editors saving at once cannot both add the same version number (unique index).
/// </summary>
public sealed class EnregistrerProtocole(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    public const int ContenuMax = 100_000;

    public static ErreursValidation Valider(SaisieProtocole s)
    {
        var erreurs = new ErreursValidation();
        Texte(s.Titre, 200, "Titre", "Le titre", true, erreurs);
        Texte(s.Pathologie, 200, "Pathologie", "La pathologie ou situation", true, erreurs);
        Texte(s.GroupeTravail, 200, "GroupeTravail", "Le groupe de travail", false, erreurs);
        Texte(s.Commentaire, 300, "Commentaire", "Le commentaire de version", false, erreurs);
        var professions = Professions(s.Professions);
        if (professions.Count == 0)
        {
            erreurs["Professions"] = ["Cochez au moins une profession concernée."];
        }
        else if (professions.Any(c => !Terminologies.Instance.Professions.Existe(c)))
        {
            erreurs["Professions"] = ["Profession inconnue de la nomenclature TRE_G15."];
        }
        var contenu = Contenu(s.ContenuMarkdown);
        if (contenu.Length == 0)
        {
            erreurs["ContenuMarkdown"] = ["Le contenu du protocole est obligatoire."];
        }
        else if (contenu.Length > ContenuMax)
        {
            erreurs["ContenuMarkdown"] = ["Le contenu ne doit pas dépasser 100 000 caractères."];
        }
        return erreurs;
    }

    public async Task<ResultatEnregistrementProtocole> CreerAsync(SaisieProtocole s, string auteur, CancellationToken ct = default)
    {
        var erreurs = Valider(s);
        if (erreurs.Count > 0)
        {
            return new ResultatEnregistrementProtocole.Invalide(erreurs);
        }
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var protocole = new Protocole
        {
            CptsId = cpts.Id,
            Titre = s.Titre!.Trim(),
            Pathologie = s.Pathologie!.Trim(),
            Professions = string.Join('|', Professions(s.Professions)),
            GroupeTravail = Facultatif(s.GroupeTravail),
            Statut = StatutsProtocole.Brouillon,
            VersionCourante = 1,
            MisAJourLeUtc = maintenant,
        };
        protocole.Versions.Add(new VersionProtocole
        {
            Numero = 1,
            ContenuMarkdown = Contenu(s.ContenuMarkdown),
            Auteur = auteur,
            Commentaire = Facultatif(s.Commentaire) ?? "Création",
            CreeLeUtc = maintenant,
        });
        db.Protocoles.Add(protocole);
        await db.SaveChangesAsync(ct);
        return new ResultatEnregistrementProtocole.Ok(protocole.Id, 1, true);
    }

    public async Task<ResultatEnregistrementProtocole> ModifierAsync(int id, SaisieProtocole s, string auteur, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var protocole = await db.Protocoles.SingleOrDefaultAsync(p => p.Id == id && p.CptsId == cpts.Id, ct);
        if (protocole is null)
        {
            return new ResultatEnregistrementProtocole.Introuvable();
        }
        var erreurs = Valider(s);
        if (erreurs.Count > 0)
        {
            return new ResultatEnregistrementProtocole.Invalide(erreurs);
        }
        var courante = await db.VersionsProtocole.AsNoTracking()
            .Where(v => v.ProtocoleId == id && v.Numero == protocole.VersionCourante)
            .Select(v => new { v.ContenuMarkdown, v.Auteur })
            .SingleAsync(ct);
        var contenu = Contenu(s.ContenuMarkdown);
        var nouvelleVersion = contenu != courante.ContenuMarkdown;
        if (nouvelleVersion && s.VersionLue is { } lue && lue != protocole.VersionCourante)
        {
            return new ResultatEnregistrementProtocole.Conflit(protocole.VersionCourante, courante.Auteur);
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        protocole.Titre = s.Titre!.Trim();
        protocole.Pathologie = s.Pathologie!.Trim();
        protocole.Professions = string.Join('|', Professions(s.Professions));
        protocole.GroupeTravail = Facultatif(s.GroupeTravail);
        if (nouvelleVersion)
        {
            protocole.VersionCourante++;
            db.VersionsProtocole.Add(new VersionProtocole
            {
                ProtocoleId = id,
                Numero = protocole.VersionCourante,
                ContenuMarkdown = contenu,
                Auteur = auteur,
                Commentaire = Facultatif(s.Commentaire),
                CreeLeUtc = maintenant,
            });
        }
        if (nouvelleVersion || db.Entry(protocole).Properties.Any(p => p.IsModified))
        {
            protocole.MisAJourLeUtc = maintenant;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (nouvelleVersion)
        {
            // Another editor added this version number first: his version stays, this one is refused.
            db.ChangeTracker.Clear();
            var gagnante = await db.VersionsProtocole.AsNoTracking().Where(v => v.ProtocoleId == id)
                .OrderByDescending(v => v.Numero).Select(v => new { v.Numero, v.Auteur }).FirstAsync(ct);
            return new ResultatEnregistrementProtocole.Conflit(gagnante.Numero, gagnante.Auteur);
        }
        return new ResultatEnregistrementProtocole.Ok(id, protocole.VersionCourante, nouvelleVersion);
    }

    /// <summary>Line endings as stored (browsers send CRLF), trailing blanks removed.</summary>
    public static string Contenu(string? markdown) =>
        (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();

    private static List<string> Professions(IReadOnlyList<string>? codes) =>
        [.. (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Facultatif(string? valeur) => string.IsNullOrWhiteSpace(valeur) ? null : valeur.Trim();

    private static void Texte(string? valeur, int max, string champ, string libelle, bool obligatoire, ErreursValidation erreurs)
    {
        var v = valeur?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (obligatoire)
            {
                erreurs[champ] = [$"{libelle} est obligatoire."];
            }
        }
        else if (v.Length > max)
        {
            erreurs[champ] = [$"{libelle} ne doit pas dépasser {max} caractères."];
        }
        else if (v.Any(char.IsControl))
        {
            erreurs[champ] = [$"{libelle} contient des caractères non autorisés."];
        }
    }
}
