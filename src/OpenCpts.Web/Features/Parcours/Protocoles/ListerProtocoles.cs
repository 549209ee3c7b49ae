using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Protocoles;

/// <summary>A protocol as offered in a select (care request, discharge plan, pathway template).</summary>
/// <param name="Id">Identifiant du protocole.</param>
/// <param name="Titre">Titre du protocole.</param>
/// <param name="Pathologie">Pathologie ou situation.</param>
/// <param name="Statut">Brouillon, Valide ou Archive.</param>
public sealed record ProtocoleResume(int Id, string Titre, string Pathologie, string Statut);

/// <summary>
/// The protocols of the CPTS to offer in a select: validated ones first, then drafts, then archives, each by title.
/// With <c>seulementValides</c>, the validated ones only (what a new care request should point to).
/// </summary>
public sealed class ListerProtocoles(OpenCptsDb db, CptsCourante cptsCourante)
{
    public async Task<IReadOnlyList<ProtocoleResume>> ExecuteAsync(bool seulementValides, CancellationToken ct = default)
    {
        if (await cptsCourante.TrouverAsync(ct) is not { } cpts)
        {
            return [];
        }
        var requete = db.Protocoles.AsNoTracking().Where(p => p.CptsId == cpts.Id);
        if (seulementValides)
        {
            requete = requete.Where(p => p.Statut == StatutsProtocole.Valide);
        }
        var protocoles = await requete.Select(p => new ProtocoleResume(p.Id, p.Titre, p.Pathologie, p.Statut)).ToListAsync(ct);
        return [.. protocoles.OrderBy(p => RangStatut(p.Statut)).ThenBy(p => p.Titre, StringComparer.Create(Infrastructure.Web.PlateformeWeb.Francais, true)).ThenBy(p => p.Id)];
    }

    /// <summary>Validated first, then drafts, then archives.</summary>
    internal static int RangStatut(string statut) => statut switch
    {
        StatutsProtocole.Valide => 0,
        StatutsProtocole.Brouillon => 1,
        _ => 2,
    };
}
