using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

public enum ResultatChangementStatut
{
    Ok,
    Introuvable,
    /// <summary>Not a transition the workflow allows from the current status (or the status changed meanwhile).</summary>
    Interdit,
}

/// <summary>
/// The life of a protocol: a draft is validated by its working group (or archived if abandoned), a validated
/// protocol is archived when it no longer applies, and an archived one can be restored as a draft to be revised.
/// The change is a conditional update on the status read, so two clicks at once cannot both apply.
/// </summary>
public sealed class ChangerStatutProtocole(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    /// <summary>The statuses reachable from <paramref name="statut"/>, in the order buttons show them.</summary>
    public static IReadOnlyList<string> Suivants(string statut) => statut switch
    {
        StatutsProtocole.Brouillon => [StatutsProtocole.Valide, StatutsProtocole.Archive],
        StatutsProtocole.Valide => [StatutsProtocole.Archive],
        StatutsProtocole.Archive => [StatutsProtocole.Brouillon],
        _ => [],
    };

    /// <summary>The label of the button that moves a protocol to <paramref name="statut"/>.</summary>
    public static string Action(string statut) => statut switch
    {
        StatutsProtocole.Valide => "Marquer validé par le groupe de travail",
        StatutsProtocole.Archive => "Archiver",
        StatutsProtocole.Brouillon => "Restaurer en brouillon",
        _ => statut,
    };

    public async Task<ResultatChangementStatut> ExecuteAsync(int id, string? nouveau, CancellationToken ct = default)
    {
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var actuel = await db.Protocoles.Where(p => p.Id == id && p.CptsId == cpts.Id).Select(p => p.Statut).SingleOrDefaultAsync(ct);
        if (actuel is null)
        {
            return ResultatChangementStatut.Introuvable;
        }
        if (nouveau is null || !Suivants(actuel).Contains(nouveau))
        {
            return ResultatChangementStatut.Interdit;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var modifies = await db.Protocoles.Where(p => p.Id == id && p.Statut == actuel)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Statut, nouveau).SetProperty(p => p.MisAJourLeUtc, maintenant), ct);
        return modifies == 1 ? ResultatChangementStatut.Ok : ResultatChangementStatut.Interdit;
    }
}
