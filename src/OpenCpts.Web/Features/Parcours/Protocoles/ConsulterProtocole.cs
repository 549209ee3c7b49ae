using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>A version in the history of a protocol.</summary>
public sealed record VersionResume(int Numero, string Auteur, string? Commentaire, DateTime CreeLeUtc);

/// <summary>A document attached to a protocol, without its content.</summary>
public sealed record DocumentResume(long Id, string NomFichier, string TypeContenu, long Taille, string? AjoutePar, DateTime AjouteLeUtc);

/// <summary>
/// A protocol as shown: its metadata, the version asked for (the current one by default) with its Markdown and
/// sanitized HTML, the history of versions (newest first) and the documents.
/// </summary>
public sealed record FicheProtocole(int Id, string Titre, string Pathologie, IReadOnlyList<string> Professions, string? GroupeTravail,
    string Statut, int VersionCourante, DateTime MisAJourLeUtc, VersionResume Version, string ContenuMarkdown, string ContenuHtml,
    IReadOnlyList<VersionResume> Versions, IReadOnlyList<DocumentResume> Documents)
{
    public bool VersionAncienne => Version.Numero != VersionCourante;
}

/// <summary>Reads one protocol of the CPTS, at its current version or at an older one. Null when either is unknown.</summary>
public sealed class ConsulterProtocole(OpenCptsDb db, CptsCourante cptsCourante, RenduMarkdown rendu)
{
    public async Task<FicheProtocole?> ExecuteAsync(int id, int? version = null, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return null;
        }
        var p = await db.Protocoles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CptsId == cpts.Id, ct);
        if (p is null)
        {
            return null;
        }
        var numero = version ?? p.VersionCourante;
        var affichee = await db.VersionsProtocole.AsNoTracking().SingleOrDefaultAsync(v => v.ProtocoleId == id && v.Numero == numero, ct);
        if (affichee is null)
        {
            return null;
        }
        var versions = await db.VersionsProtocole.AsNoTracking().Where(v => v.ProtocoleId == id)
            .OrderByDescending(v => v.Numero)
            .Select(v => new VersionResume(v.Numero, v.Auteur, v.Commentaire, v.CreeLeUtc))
            .ToListAsync(ct);
        var documents = await db.DocumentsProtocole.AsNoTracking().Where(d => d.ProtocoleId == id)
            .OrderBy(d => d.NomFichier).ThenBy(d => d.Id)
            .Select(d => new DocumentResume(d.Id, d.NomFichier, d.TypeContenu, d.Taille, d.AjoutePar, d.AjouteLeUtc))
            .ToListAsync(ct);
        return new FicheProtocole(p.Id, p.Titre, p.Pathologie, [.. p.CodesProfessions], p.GroupeTravail, p.Statut, p.VersionCourante, p.MisAJourLeUtc,
            new VersionResume(affichee.Numero, affichee.Auteur, affichee.Commentaire, affichee.CreeLeUtc),
            affichee.ContenuMarkdown, rendu.EnHtml(affichee.ContenuMarkdown), versions, documents);
    }
}
