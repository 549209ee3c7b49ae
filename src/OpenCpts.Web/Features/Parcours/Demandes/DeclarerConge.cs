using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Parcours.Demandes;

/// <summary>A member says he is on leave until a day (included), or back: care requests skip him meanwhile.</summary>
public sealed class DeclarerConge(OpenCptsDb db, TimeProvider horloge)
{
    /// <summary>Sets or clears the leave; returns an error message for a past date or one more than a year ahead.</summary>
    public async Task<string?> ExecuteAsync(int professionnelId, DateOnly? jusquAu, CancellationToken ct = default)
    {
        var aujourdhui = HeureParis.Aujourdhui(horloge);
        if (jusquAu is { } fin && (fin < aujourdhui || fin > aujourdhui.AddYears(1)))
        {
            return "Indiquez une date de retour entre aujourd'hui et dans un an.";
        }
        await db.Professionnels.Where(p => p.Id == professionnelId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EnCongeJusquAu, jusquAu), ct);
        return null;
    }
}
