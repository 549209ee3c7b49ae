using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Territoire;

/// <summary>
/// <c>-- cpts create --name NOM [--host HOTE]</c>: creates a CPTS on the platform (the first step of a production
/// install, before its territory and its first coordinator: <c>user create --cpts ID</c>); <c>-- cpts list</c>.
/// </summary>
public static class CommandeCpts
{
    public static async Task<int> ExecuterAsync(IServiceProvider sp, string[] mots, TextWriter? sortie = null)
    {
        sortie ??= Console.Out;
        var db = sp.GetRequiredService<OpenCptsDb>();
        db.Perimetre.OuvrirToutes();
        switch (mots.FirstOrDefault()?.ToLowerInvariant())
        {
            case "create":
                var nom = Option(mots, "--name")?.Trim();
                var hote = Option(mots, "--host")?.Trim().ToLowerInvariant();
                if (string.IsNullOrWhiteSpace(nom) || nom.Length > 200)
                {
                    throw new ArgumentException("Usage : cpts create --name NOM [--host HOTE] (nom de 1 à 200 caractères)");
                }
                if (hote is not null && await db.Cpts.AnyAsync(c => c.Hote == hote))
                {
                    throw new ArgumentException($"Le nom d'hôte {hote} est déjà celui d'une autre CPTS.");
                }
                var cpts = new Cpts { Nom = nom, Hote = hote, CreeLeUtc = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
                db.Cpts.Add(cpts);
                await db.SaveChangesAsync();
                await sortie.WriteLineAsync($"CPTS {cpts.Id} « {cpts.Nom} » créée.");
                return 0;
            case "list":
                foreach (var c in await db.Cpts.OrderBy(c => c.Id).ToListAsync())
                {
                    await sortie.WriteLineAsync($"{c.Id}\t{c.Nom}\t{c.Hote}");
                }
                return 0;
            default:
                throw new ArgumentException("Usage : cpts create --name NOM [--host HOTE] | cpts list");
        }
    }

    /// <summary>
    /// Binds a CLI command to one CPTS: the one named by <c>--cpts ID</c>, or the only one of the platform. A platform
    /// with several CPTS and no <c>--cpts</c>, or none at all (unless <paramref name="facultative"/>: the command then
    /// stays system work), is an error with its remedy.
    /// </summary>
    public static async Task<int?> LierAsync(IServiceProvider sp, string[] mots, bool facultative = false)
    {
        var db = sp.GetRequiredService<OpenCptsDb>();
        var demandee = Option(mots, "--cpts");
        var ids = await db.Cpts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        int id;
        if (demandee is not null)
        {
            if (!int.TryParse(demandee, out id) || !ids.Contains(id))
            {
                throw new ArgumentException($"CPTS inconnue : {demandee} (voir `cpts list`).");
            }
        }
        else if (ids.Count == 1)
        {
            id = ids[0];
        }
        else if (ids.Count == 0 && facultative)
        {
            return null;
        }
        else
        {
            throw new ArgumentException(ids.Count == 0
                ? "Aucune CPTS : créez-la d'abord (`cpts create --name NOM`)."
                : "Plusieurs CPTS : précisez laquelle avec --cpts ID (voir `cpts list`).");
        }
        db.Perimetre.Fixer(id);
        return id;
    }

    private static string? Option(string[] mots, string nom)
    {
        var i = Array.IndexOf(mots, nom);
        return i >= 0 && i + 1 < mots.Length ? mots[i + 1] : null;
    }
}
