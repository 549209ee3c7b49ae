using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary><c>-- token create --user EMAIL --name NAME</c>: prints a new personal API token once.</summary>
public static class CommandeJeton
{
    public static async Task<int> CreerAsync(IServiceProvider sp, string[] mots)
    {
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
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        var utilisateur = await sp.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync(email);
        if (utilisateur is null)
        {
            Console.Error.WriteLine($"Aucun compte avec l'adresse {email}.");
            return 1;
        }
        var jeton = await sp.GetRequiredService<JetonsApi>().CreerAsync(utilisateur.Id, nom);
        Console.WriteLine($"Jeton « {nom} » créé pour {email}. Conservez-le : il ne sera plus affiché.");
        Console.WriteLine(jeton.Valeur);
        return 0;
    }
}
