using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Annuaire.Structures;

public abstract record ResultatFermeture
{
    private ResultatFermeture() { }

    public sealed record Fait : ResultatFermeture;

    /// <summary>Errors keyed FermeeLe.</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatFermeture;

    /// <summary>A FINESS structure: its closure comes from the FINESS import, not from a hand.</summary>
    public sealed record SuitLeFiness : ResultatFermeture;

    /// <summary>Unknown, or entered by hand by another CPTS (the same answer).</summary>
    public sealed record Introuvable : ResultatFermeture;
}

/// <summary>
/// Closes a structure entered by hand (from a date, today at the latest), or reopens it. Closing never deletes: the
/// structure stays in the directory, marked closed, with its history and the professionals linked to it. Audited.
/// </summary>
public sealed class FermerStructure(OpenCptsDb db, TimeProvider horloge, JournalAudit audit)
{
    public Task<ResultatFermeture> FermerAsync(int id, DateOnly? le, CancellationToken ct = default) =>
        ChangerAsync(id, fermer: true, le, ct);

    public Task<ResultatFermeture> RouvrirAsync(int id, CancellationToken ct = default) =>
        ChangerAsync(id, fermer: false, null, ct);

    private async Task<ResultatFermeture> ChangerAsync(int id, bool fermer, DateOnly? le, CancellationToken ct)
    {
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == id, ct);
        switch (structure is null ? null : EnregistrerStructure.Edition(structure, db.Perimetre.CptsId))
        {
            case null:
                await audit.EnregistrerAsync("Refus", "Structure", id.ToString(CultureInfo.InvariantCulture), "Fermeture d'une structure inconnue ou saisie par une autre CPTS", ct);
                return new ResultatFermeture.Introuvable();
            case EditionStructure.ContactSeulement:
                return new ResultatFermeture.SuitLeFiness();
        }
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        if (fermer)
        {
            if (le is null)
            {
                return Invalide("La date de fermeture est obligatoire.");
            }
            if (le > aujourdhui)
            {
                return Invalide("La date de fermeture ne peut pas être dans le futur : fermez la structure ce jour-là.");
            }
        }
        if (structure!.Fermee == fermer && structure.FermeeLe == le)
        {
            return new ResultatFermeture.Fait();
        }
        structure.Fermee = fermer;
        structure.FermeeLe = le;
        structure.MisAJourLeUtc = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.EnregistrerAsync("Modification", "Structure", id.ToString(CultureInfo.InvariantCulture),
            fermer ? $"Fermée le {le!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "Rouverte", ct);
        return new ResultatFermeture.Fait();
    }

    private static ResultatFermeture.Invalide Invalide(string message) =>
        new(new ErreursValidation { ["FermeeLe"] = [message] });
}
