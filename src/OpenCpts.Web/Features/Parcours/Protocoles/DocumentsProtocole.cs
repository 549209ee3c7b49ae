using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Fichiers;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

public abstract record ResultatAjoutDocument
{
    public sealed record Ok(long Id) : ResultatAjoutDocument;

    public sealed record Introuvable : ResultatAjoutDocument;

    /// <summary>The file is refused; <see cref="Message"/> says why, in French, for the user.</summary>
    public sealed record Refuse(string Message) : ResultatAjoutDocument;
}

/// <summary>A document's content, to download.</summary>
public sealed record ContenuDocument(string NomFichier, string TypeContenu, byte[] Contenu);

/// <summary>
/// Documents attached to a protocol: PDF, PNG or JPEG of 10 Mo at most, with the checks of team attachments
/// (<see cref="FichiersAcceptes"/>): declared type one of those, extension matching it, and first bytes those of that
/// type (a page or a program renamed ".pdf" is refused);
/// it is then always served as a download of the type recognised, never displayed inline.
/// </summary>
public sealed class DocumentsProtocole(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    public const long TailleMax = 10L * 1024 * 1024;

    public async Task<ResultatAjoutDocument> AjouterAsync(int protocoleId, string? nomFichier, string? typeDeclare, long taille, Stream contenu,
        string? par, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        if (!await db.Protocoles.AnyAsync(p => p.Id == protocoleId && p.CptsId == cpts.Id, ct))
        {
            return new ResultatAjoutDocument.Introuvable();
        }
        var nom = FichiersAcceptes.NomSur(nomFichier, "document");
        if (taille <= 0)
        {
            return new ResultatAjoutDocument.Refuse($"Le fichier « {nom} » est vide.");
        }
        if (taille > TailleMax)
        {
            return new ResultatAjoutDocument.Refuse(
                $"Le fichier « {nom} » pèse {Mo(taille)} Mo : 10 Mo au plus par fichier. Réduisez-le (PDF compressé, image redimensionnée) puis réessayez.");
        }
        var type = (typeDeclare ?? "").Split(';')[0].Trim();
        if (FichiersAcceptes.TypeDeclare(type) is not { } attendu)
        {
            return new ResultatAjoutDocument.Refuse(
                $"Le fichier « {nom} » n'est pas accepté ({(type.Length == 0 ? "type inconnu" : type)}) : seuls les PDF, PNG et JPEG peuvent être joints.");
        }
        var extensions = FichiersAcceptes.Extensions(attendu);
        if (!extensions.Contains(Path.GetExtension(nom).ToLowerInvariant()))
        {
            return new ResultatAjoutDocument.Refuse(
                $"Le fichier « {nom} » : son extension ne correspond pas à son type ({string.Join(" ou ", extensions)} attendu).");
        }
        using var memoire = new MemoryStream((int)taille);
        var tampon = new byte[81920];
        int lus;
        while ((lus = await contenu.ReadAsync(tampon, ct)) > 0)
        {
            if (memoire.Length + lus > TailleMax)
            {
                return new ResultatAjoutDocument.Refuse($"Le fichier « {nom} » dépasse 10 Mo.");
            }
            memoire.Write(tampon, 0, lus);
        }
        var octets = memoire.ToArray();
        if (FichiersAcceptes.TypeReconnu(octets) != attendu)
        {
            return new ResultatAjoutDocument.Refuse(
                $"Le contenu du fichier « {nom} » n'est pas celui d'un {FichiersAcceptes.Libelle(attendu)} : fichier refusé. Seuls de vrais PDF, PNG et JPEG peuvent être joints.");
        }
        var document = new DocumentProtocole
        {
            ProtocoleId = protocoleId,
            NomFichier = nom,
            TypeContenu = attendu,
            Taille = octets.Length,
            Contenu = octets,
            AjoutePar = par,
            AjouteLeUtc = horloge.GetUtcNow().UtcDateTime,
        };
        db.DocumentsProtocole.Add(document);
        await db.SaveChangesAsync(ct);
        return new ResultatAjoutDocument.Ok(document.Id);
    }

    /// <summary>Deletes a document of the protocol; false when there is no such document.</summary>
    public async Task<bool> SupprimerAsync(int protocoleId, long documentId, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var supprimes = await db.DocumentsProtocole
            .Where(d => d.Id == documentId && d.ProtocoleId == protocoleId && db.Protocoles.Any(p => p.Id == protocoleId && p.CptsId == cpts.Id))
            .ExecuteDeleteAsync(ct);
        return supprimes == 1;
    }

    /// <summary>A document of the protocol with its content, or null.</summary>
    public async Task<ContenuDocument?> LireAsync(int protocoleId, long documentId, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return null;
        }
        return await db.DocumentsProtocole.AsNoTracking()
            .Where(d => d.Id == documentId && d.ProtocoleId == protocoleId && db.Protocoles.Any(p => p.Id == protocoleId && p.CptsId == cpts.Id))
            .Select(d => new ContenuDocument(d.NomFichier, d.TypeContenu, d.Contenu))
            .SingleOrDefaultAsync(ct);
    }

    private static string Mo(long taille) => (taille / 1024d / 1024d).ToString("0.0", Infrastructure.Web.PlateformeWeb.Francais);
}
