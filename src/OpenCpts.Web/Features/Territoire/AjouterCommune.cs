using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>Outcome of adding a commune to the territory.</summary>
public abstract record ResultatAjoutCommune
{
    public sealed record Ajoutee(string CodeInsee, string Nom) : ResultatAjoutCommune;
    public sealed record DejaPresente(string CodeInsee, string Nom) : ResultatAjoutCommune;
    public sealed record Introuvable(string CodeInsee) : ResultatAjoutCommune;
}

/// <summary>The coordination adds a commune of the national reference to the territory of the CPTS.</summary>
public sealed class AjouterCommune(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge)
{
    public async Task<ResultatAjoutCommune> ExecuteAsync(string? codeInsee, CancellationToken ct = default)
    {
        var code = (codeInsee ?? "").Trim().ToUpperInvariant();
        var commune = code.Length == 5
            ? await db.Communes.Where(c => c.CodeInsee == code).Select(c => new { c.CodeInsee, c.Nom }).FirstOrDefaultAsync(ct)
            : null;
        if (commune is null)
        {
            return new ResultatAjoutCommune.Introuvable(code);
        }
        var cpts = await cptsCourante.ObtenirAsync(ct);
        if (await db.CommunesTerritoire.AnyAsync(t => t.CptsId == cpts.Id && t.CodeInsee == code, ct))
        {
            return new ResultatAjoutCommune.DejaPresente(commune.CodeInsee, commune.Nom);
        }
        var lien = new CommuneTerritoire { CptsId = cpts.Id, CodeInsee = code, AjouteeLeUtc = horloge.GetUtcNow().UtcDateTime };
        db.CommunesTerritoire.Add(lien);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two coordinators adding the same commune at once: the primary key rejects the second.
            db.Entry(lien).State = EntityState.Detached;
            if (await db.CommunesTerritoire.AnyAsync(t => t.CptsId == cpts.Id && t.CodeInsee == code, ct))
            {
                return new ResultatAjoutCommune.DejaPresente(commune.CodeInsee, commune.Nom);
            }
            throw;
        }
        return new ResultatAjoutCommune.Ajoutee(commune.CodeInsee, commune.Nom);
    }
}
