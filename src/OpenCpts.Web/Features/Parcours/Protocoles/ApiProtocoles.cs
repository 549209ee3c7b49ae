using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpts.Web.Infrastructure.Terminologies;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <param name="Code">Code TRE_G15 de la profession.</param>
/// <param name="Libelle">Libellé de la profession.</param>
public sealed record ProfessionApi(string Code, string Libelle);

/// <param name="Id">Identifiant du protocole.</param>
/// <param name="Titre">Titre.</param>
/// <param name="Pathologie">Pathologie ou situation concernée.</param>
/// <param name="Statut">Brouillon, Valide (validé par le groupe de travail) ou Archive.</param>
/// <param name="Version">Numéro de la version courante.</param>
/// <param name="GroupeTravail">Groupe de travail qui porte le protocole.</param>
/// <param name="Professions">Professions concernées (TRE_G15).</param>
/// <param name="MisAJourLe">Dernière mise à jour, ISO 8601 UTC.</param>
public sealed record ProtocoleApi(int Id, string Titre, string Pathologie, string Statut, int Version, string? GroupeTravail,
    IReadOnlyList<ProfessionApi> Professions, DateTime MisAJourLe);

/// <param name="Numero">Numéro de version (1, 2…).</param>
/// <param name="Auteur">Adresse e-mail du compte qui l'a enregistrée.</param>
/// <param name="Commentaire">Commentaire de la modification.</param>
/// <param name="CreeeLe">Date d'enregistrement, ISO 8601 UTC.</param>
public sealed record VersionProtocoleApi(int Numero, string Auteur, string? Commentaire, DateTime CreeeLe);

/// <param name="Id">Identifiant du document.</param>
/// <param name="NomFichier">Nom du fichier.</param>
/// <param name="TypeContenu">application/pdf, image/png ou image/jpeg.</param>
/// <param name="Taille">Taille en octets.</param>
/// <param name="Url">Adresse de téléchargement (session de la plateforme).</param>
public sealed record DocumentProtocoleApi(long Id, string NomFichier, string TypeContenu, long Taille, string Url);

/// <param name="Id">Identifiant du protocole.</param>
/// <param name="Titre">Titre.</param>
/// <param name="Pathologie">Pathologie ou situation concernée.</param>
/// <param name="Statut">Brouillon, Valide (validé par le groupe de travail) ou Archive.</param>
/// <param name="Version">Numéro de la version renvoyée (la courante sauf `version` demandée).</param>
/// <param name="VersionCourante">Numéro de la version courante.</param>
/// <param name="GroupeTravail">Groupe de travail qui porte le protocole.</param>
/// <param name="Professions">Professions concernées (TRE_G15).</param>
/// <param name="MisAJourLe">Dernière mise à jour, ISO 8601 UTC.</param>
/// <param name="ContenuMarkdown">Contenu de la version, en Markdown.</param>
/// <param name="ContenuHtml">Contenu rendu en HTML, nettoyé (ni script, ni style, ni attribut on*, liens http, https ou mailto seulement).</param>
/// <param name="Versions">Historique des versions, la plus récente d'abord.</param>
/// <param name="Documents">Documents joints.</param>
public sealed record ProtocoleDetailApi(int Id, string Titre, string Pathologie, string Statut, int Version, int VersionCourante, string? GroupeTravail,
    IReadOnlyList<ProfessionApi> Professions, DateTime MisAJourLe, string ContenuMarkdown, string ContenuHtml,
    IReadOnlyList<VersionProtocoleApi> Versions, IReadOnlyList<DocumentProtocoleApi> Documents);

/// <summary>The read-only /api/parcours/protocoles endpoints and the download of documents.</summary>
internal static class ApiProtocoles
{
    public static void Mapper(WebApplication app)
    {
        var api = app.MapGroup("/api/parcours/protocoles")
            .WithTags("Parcours — protocoles")
            .RequireAuthorization(ProtocolesParcours.PolitiqueLecture)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("", ListerAsync)
            .WithName("ListerProtocoles")
            .WithSummary("Les protocoles pluriprofessionnels de la CPTS")
            .WithDescription("Coordination, Régulation, professionnels, établissements et Bureau. Validés d'abord, puis brouillons et archivés. " +
                "Filtres : `statut` (Brouillon, Valide, Archive), `pathologie` (texte cherché dans le titre et la pathologie, sans tenir compte des accents), `profession` (code TRE_G15).");

        api.MapGet("/{id:int}", ConsulterAsync)
            .WithName("ConsulterProtocole")
            .WithSummary("Un protocole : contenu Markdown et HTML rendu, versions, documents")
            .WithDescription("La version courante, ou la version `version` demandée. 404 si le protocole ou la version n'existe pas.");

        app.MapGet("/parcours/protocoles/{id:int}/documents/{documentId:long}", TelechargerAsync)
            .RequireAuthorization(ProtocolesParcours.PolitiqueLecture)
            .ExcludeFromDescription();
    }

    private static async Task<Results<Ok<PageApi<ProtocoleApi>>, ValidationProblem>> ListerAsync(
        string? statut, string? pathologie, string? profession, int? page, int? pageSize, RechercherProtocoles rechercher, CancellationToken ct)
    {
        var erreurs = new ErreursValidation();
        var (numero, taille) = PaginationApi.Lire(page, pageSize, erreurs);
        if (statut is not null && !StatutsProtocole.Tous.Contains(statut))
        {
            erreurs["statut"] = ["Statut inconnu : " + string.Join(", ", StatutsProtocole.Tous) + "."];
        }
        if (profession is not null && !Terminologies.Instance.Professions.Existe(profession))
        {
            erreurs["profession"] = ["Profession inconnue de la nomenclature TRE_G15."];
        }
        if (erreurs.Count > 0)
        {
            return erreurs.EnProbleme("Paramètres invalides");
        }
        var lignes = await rechercher.ExecuteAsync(new FiltreProtocoles(pathologie, statut, profession), ct);
        return TypedResults.Ok(PaginationApi.Decouper([.. lignes.Select(l => new ProtocoleApi(l.Id, l.Titre, l.Pathologie, l.Statut, l.Version, l.GroupeTravail,
            Professions(l.Professions), DateTime.SpecifyKind(l.MisAJourLeUtc, DateTimeKind.Utc)))], numero, taille));
    }

    private static async Task<Results<Ok<ProtocoleDetailApi>, NotFound>> ConsulterAsync(int id, int? version, ConsulterProtocole consulter, CancellationToken ct)
    {
        if (await consulter.ExecuteAsync(id, version, ct) is not { } f)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new ProtocoleDetailApi(f.Id, f.Titre, f.Pathologie, f.Statut, f.Version.Numero, f.VersionCourante, f.GroupeTravail,
            Professions(f.Professions), DateTime.SpecifyKind(f.MisAJourLeUtc, DateTimeKind.Utc), f.ContenuMarkdown, f.ContenuHtml,
            [.. f.Versions.Select(v => new VersionProtocoleApi(v.Numero, v.Auteur, v.Commentaire, DateTime.SpecifyKind(v.CreeLeUtc, DateTimeKind.Utc)))],
            [.. f.Documents.Select(d => new DocumentProtocoleApi(d.Id, d.NomFichier, d.TypeContenu, d.Taille, UrlDocument(f.Id, d.Id)))]));
    }

    /// <summary>Always a download (attachment) of the type recognised at upload, never sniffed by the browser.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> TelechargerAsync(int id, long documentId, DocumentsProtocole documents,
        HttpContext http, CancellationToken ct)
    {
        if (await documents.LireAsync(id, documentId, ct) is not { } d)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(d.Contenu, d.TypeContenu, d.NomFichier);
    }

    public static string UrlDocument(int protocoleId, long documentId) =>
        string.Create(CultureInfo.InvariantCulture, $"/parcours/protocoles/{protocoleId}/documents/{documentId}");

    private static List<ProfessionApi> Professions(IEnumerable<string> codes) =>
        [.. codes.Select(c => new ProfessionApi(c, Terminologies.Instance.Professions.Libelle(c)))];
}
