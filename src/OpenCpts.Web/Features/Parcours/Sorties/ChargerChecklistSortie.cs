using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Sorties;

/// <summary>One item of a checklist template: label, due date relative to the planned discharge, default owner.</summary>
public sealed record ElementChecklist(string Libelle, int DelaiJours, string? ResponsableParDefaut);

/// <summary>
/// The discharge checklist of a CPTS: its own template (<see cref="ModeleElementSortie"/>) when the Coordination
/// edited one, otherwise <see cref="ParDefaut"/>. Copied into every new plan.
/// </summary>
public sealed class ChargerChecklistSortie(OpenCptsDb db)
{
    /// <summary>
    /// The default checklist: what the hospital sends on the day (letter, prescriptions, nursing handover), what
    /// must be ready at home the day before (equipment, home help, pharmacy), and the follow-up within a week
    /// (first GP appointment, D+7 call).
    /// </summary>
    public static readonly IReadOnlyList<ElementChecklist> ParDefaut =
    [
        new("Lettre de liaison envoyée au médecin traitant", 0, "Établissement"),
        new("Ordonnances de sortie (traitements, soins, matériel)", 0, "Établissement"),
        new("Transmissions infirmières", 0, "Infirmier"),
        new("Matériel au domicile (lit médicalisé, matériel)", -1, "Établissement"),
        new("Aide à domicile et accompagnement social", -1, "Établissement"),
        new("Pharmacie informée", -1, "Pharmacie"),
        new("Premier rendez-vous avec le médecin traitant", 7, "Médecin traitant"),
        new("Appel de suivi à J+7", 7, "Coordination"),
    ];

    /// <summary>The CPTS's checklist in order, and whether it is its own template (Personnalisee) rather than the defaults.</summary>
    public async Task<(IReadOnlyList<ElementChecklist> Elements, bool Personnalisee)> ExecuteAsync(int cptsId, CancellationToken ct = default)
    {
        var modele = await db.ModelesElementSortie.AsNoTracking()
            .Where(m => m.CptsId == cptsId)
            .OrderBy(m => m.Ordre).ThenBy(m => m.Id)
            .Select(m => new ElementChecklist(m.Libelle, m.DelaiJours, m.ResponsableParDefaut))
            .ToListAsync(ct);
        return modele.Count > 0 ? (modele, true) : (ParDefaut, false);
    }
}
