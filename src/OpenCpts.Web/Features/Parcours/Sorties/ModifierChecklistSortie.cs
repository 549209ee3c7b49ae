using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Parcours.Sorties;

public abstract record ResultatModificationChecklist
{
    private ResultatModificationChecklist() { }

    public sealed record Enregistree : ResultatModificationChecklist;

    /// <summary>Errors keyed "lignes[i].libelle", "lignes[i].delaiJours", "lignes[i].responsable" or "lignes".</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatModificationChecklist;
}

/// <summary>
/// Replaces the CPTS's checklist template by the given list (the page adds, renames, moves and deletes rows, then
/// saves the whole list), or goes back to the defaults. Plans already opened keep their own copy.
/// </summary>
public sealed class ModifierChecklistSortie(OpenCptsDb db)
{
    public const int ElementsMax = 30;
    public const int DelaiMin = -30;
    public const int DelaiMax = 90;

    public async Task<ResultatModificationChecklist> ExecuteAsync(int cptsId, IReadOnlyList<ElementChecklist> lignes, CancellationToken ct = default)
    {
        var erreurs = Valider(lignes);
        if (erreurs.Count > 0)
        {
            return new ResultatModificationChecklist.Invalide(erreurs);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ModelesElementSortie.Where(m => m.CptsId == cptsId).ExecuteDeleteAsync(ct);
        db.ModelesElementSortie.AddRange(lignes.Select((l, i) => new ModeleElementSortie
        {
            CptsId = cptsId,
            Ordre = i + 1,
            Libelle = l.Libelle.Trim(),
            DelaiJours = l.DelaiJours,
            ResponsableParDefaut = string.IsNullOrWhiteSpace(l.ResponsableParDefaut) ? null : l.ResponsableParDefaut.Trim(),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ResultatModificationChecklist.Enregistree();
    }

    /// <summary>Deletes the CPTS's template: new plans get <see cref="ChargerChecklistSortie.ParDefaut"/> again.</summary>
    public Task RetablirParDefautAsync(int cptsId, CancellationToken ct = default) =>
        db.ModelesElementSortie.Where(m => m.CptsId == cptsId).ExecuteDeleteAsync(ct);

    public static ErreursValidation Valider(IReadOnlyList<ElementChecklist> lignes)
    {
        var erreurs = new ErreursValidation();
        if (lignes.Count == 0)
        {
            erreurs["lignes"] = ["La liste doit garder au moins un élément (ou revenez à la liste par défaut)."];
        }
        else if (lignes.Count > ElementsMax)
        {
            erreurs["lignes"] = [$"La liste ne peut pas dépasser {ElementsMax} éléments."];
        }
        for (var i = 0; i < lignes.Count; i++)
        {
            var l = lignes[i];
            var prefixe = "lignes[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            var libelle = l.Libelle?.Trim() ?? "";
            if (libelle.Length == 0)
            {
                erreurs[prefixe + "libelle"] = ["Le libellé est obligatoire."];
            }
            else if (libelle.Length > 200)
            {
                erreurs[prefixe + "libelle"] = ["Le libellé ne doit pas dépasser 200 caractères."];
            }
            if (l.DelaiJours is < DelaiMin or > DelaiMax)
            {
                erreurs[prefixe + "delaiJours"] = [$"Le délai doit être compris entre {DelaiMin} et {DelaiMax} jours autour de la date de sortie."];
            }
            if (l.ResponsableParDefaut is { Length: > 200 })
            {
                erreurs[prefixe + "responsable"] = ["Le responsable ne doit pas dépasser 200 caractères."];
            }
        }
        return erreurs;
    }
}
