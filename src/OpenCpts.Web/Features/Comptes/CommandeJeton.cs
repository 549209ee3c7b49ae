using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary><c>-- token create --user EMAIL --name NAME</c>: prints a new personal API token once.</summary>
public static class CommandeJeton
{
    /// <summary>Writers default to the console; tests pass their own to read the token.</summary>
    public static async Task<int> CreerAsync(IServiceProvider sp, string[] mots, TextWriter? sortie = null, TextWriter? erreurs = null)
    {
        sortie ??= Console.Out;
        erreurs ??= Console.Error;
        string? email = null, nom = null;
        for (var i = 0; i < mots.Length - 1; i++)
        {
            if (mots[i] == "--user") { email = mots[i + 1]; }
            if (mots[i] == "--name") { nom = mots[i + 1]; }
        }
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(nom))
        {
            throw new ArgumentException("Usage : token create --user EMAIL --name NOM");
        }
        if (JetonsApi.ErreurNom(nom) is { } erreurNom)
        {
            throw new ArgumentException(erreurNom);
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        var utilisateur = await sp.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync(email.Trim());
        if (utilisateur is null)
        {
            await erreurs.WriteLineAsync($"Aucun compte avec l'adresse {email}.");
            return 1;
        }
        var jeton = await sp.GetRequiredService<JetonsApi>().CreerAsync(utilisateur.Id, nom);
        await sp.GetRequiredService<Infrastructure.Audit.JournalAudit>().EnregistrerAsync("Creation", "JetonApi",
            jeton.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Jeton d'API « {nom.Trim()} » créé pour {utilisateur.Email} (ligne de commande)");
        await sortie.WriteLineAsync($"Jeton « {nom.Trim()} » créé pour {utilisateur.Email}. Conservez-le : il ne sera plus affiché.");
        await sortie.WriteLineAsync(jeton.Valeur);
        return 0;
    }
}
