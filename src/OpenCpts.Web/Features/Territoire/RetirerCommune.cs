using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>Outcome of removing a commune from the territory.</summary>
public abstract record ResultatRetraitCommune
{
    public sealed record Retiree(string CodeInsee, string Nom) : ResultatRetraitCommune;
    public sealed record Absente(string CodeInsee) : ResultatRetraitCommune;
}

/// <summary>The coordination removes a commune from the territory (the directory itself is untouched).</summary>
public sealed class RetirerCommune(OpenCptsDb db, CptsCourante cptsCourante)
{
    public async Task<ResultatRetraitCommune> ExecuteAsync(string? codeInsee, CancellationToken ct = default)
    {
        var code = (codeInsee ?? "").Trim().ToUpperInvariant();
        var cpts = await cptsCourante.ObtenirAsync(ct);
        var lien = await db.CommunesTerritoire
            .Where(t => t.CptsId == cpts.Id && t.CodeInsee == code)
            .Select(t => new { t.CodeInsee, t.Commune!.Nom })
            .FirstOrDefaultAsync(ct);
        if (lien is null)
        {
            return new ResultatRetraitCommune.Absente(code);
        }
        // A concurrent removal deletes nothing here, which is the same end state: report it as removed.
        await db.CommunesTerritoire.Where(t => t.CptsId == cpts.Id && t.CodeInsee == code).ExecuteDeleteAsync(ct);
        return new ResultatRetraitCommune.Retiree(lien.CodeInsee, lien.Nom);
    }
}
