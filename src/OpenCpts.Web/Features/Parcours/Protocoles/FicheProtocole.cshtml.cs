using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>
/// A protocol: its rendered content (the current version, or <c>?version=N</c>), professions, documents and history.
/// The Coordination changes its status and adds or removes documents here; its policy refuses anyone else's POST before
/// the body is read. The request limit is above the 10 Mo per file so that a file slightly too big gets a clear message
/// instead of a failed request.
/// </summary>
[Authorize(Policy = ProtocolesParcours.PolitiqueFiche)]
[RequestSizeLimit(TailleRequeteMax)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequeteMax)]
public class FicheProtocoleModel(ConsulterProtocole consulter, ChangerStatutProtocole changer, DocumentsProtocole documents) : PageModel
{
    public const long TailleRequeteMax = 64L * 1024 * 1024;

    public FicheProtocole Fiche { get; private set; } = null!;
    public bool PeutModifier => User.IsInRole(Roles.Coordination);

    [TempData]
    public string? Message { get; set; }

    public string? ErreurDocument { get; private set; }
    public string? ErreurStatut { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        return await ChargerAsync(id, version, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStatutAsync(int id, string? statut, CancellationToken ct)
    {
        if (!PeutModifier)
        {
            return Forbid();
        }
        switch (await changer.ExecuteAsync(id, statut, ct))
        {
            case ResultatChangementStatut.Ok:
                Message = $"Statut du protocole : {StatutsProtocole.Libelle(statut!)}.";
                return Redirect($"/parcours/protocoles/{id}");
            case ResultatChangementStatut.Interdit:
                ErreurStatut = "Ce changement de statut n'est pas possible depuis le statut actuel (il a peut-être changé entre-temps).";
                return await ChargerAsync(id, null, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDocumentAsync(int id, IFormFile? fichier, CancellationToken ct)
    {
        if (!PeutModifier)
        {
            return Forbid();
        }
        ResultatAjoutDocument resultat;
        if (fichier is null)
        {
            resultat = new ResultatAjoutDocument.Refuse("Choisissez un fichier PDF, PNG ou JPEG à joindre.");
        }
        else
        {
            await using var flux = fichier.OpenReadStream();
            resultat = await documents.AjouterAsync(id, fichier.FileName, fichier.ContentType, fichier.Length, flux, User.Identity?.Name, ct);
        }
        switch (resultat)
        {
            case ResultatAjoutDocument.Ok:
                Message = $"Document « {Infrastructure.Fichiers.FichiersAcceptes.NomSur(fichier!.FileName, "document")} » ajouté.";
                return Redirect($"/parcours/protocoles/{id}");
            case ResultatAjoutDocument.Refuse refus:
                ErreurDocument = refus.Message;
                return await ChargerAsync(id, null, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostSupprimerDocumentAsync(int id, long documentId, CancellationToken ct)
    {
        if (!PeutModifier)
        {
            return Forbid();
        }
        if (!await documents.SupprimerAsync(id, documentId, ct))
        {
            return NotFound();
        }
        Message = "Document supprimé.";
        return Redirect($"/parcours/protocoles/{id}");
    }

    private async Task<bool> ChargerAsync(int id, int? version, CancellationToken ct)
    {
        if (await consulter.ExecuteAsync(id, version, ct) is not { } fiche)
        {
            return false;
        }
        Fiche = fiche;
        return true;
    }
}
