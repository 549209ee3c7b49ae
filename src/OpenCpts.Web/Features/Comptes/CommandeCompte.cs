using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes.Administration;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>
/// <c>-- user create --email EMAIL --role ROLE [--name NOM] [--rpps RPPS] [--cpts ID]</c>: creates an account of the
/// CPTS (the only one, or <c>--cpts</c>) with a generated initial password printed once — how a production install
/// gets its first coordinator, after <c>cpts create</c>.
/// </summary>
public static class CommandeCompte
{
    public static async Task<int> CreerAsync(IServiceProvider sp, string[] mots, TextWriter? sortie = null, TextWriter? erreurs = null)
    {
        sortie ??= Console.Out;
        erreurs ??= Console.Error;
        string? Option(string nom)
        {
            var i = Array.IndexOf(mots, nom);
            return i >= 0 && i + 1 < mots.Length ? mots[i + 1] : null;
        }
        var email = Option("--email");
        var role = Option("--role");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(role))
        {
            throw new ArgumentException("Usage : user create --email EMAIL --role " + string.Join('|', Roles.Tous) + " [--name NOM] [--rpps RPPS]");
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        await CommandeCpts.LierAsync(sp, mots);
        var motDePasse = MotDePasseInitial();
        var resultat = await sp.GetRequiredService<CreerCompte>().ExecuteAsync(
            new DemandeCompte(email, Option("--name") ?? email, role, Option("--rpps"), motDePasse));
        switch (resultat)
        {
            case ResultatCreationCompte.Cree cree:
                await sortie.WriteLineAsync($"Compte {cree.Email} créé ({Roles.Libelle(role)}). Mot de passe initial, à changer à la première connexion :");
                await sortie.WriteLineAsync(motDePasse);
                return 0;
            case ResultatCreationCompte.Refuse refuse:
                foreach (var message in refuse.Erreurs.Values.SelectMany(m => m))
                {
                    await erreurs.WriteLineAsync(message);
                }
                return 1;
            default:
                return 1;
        }
    }

    /// <summary>
    /// <c>-- user invite EMAIL --role ROLE [--name NOM] [--rpps RPPS | --finess FINESS] [--cpts ID]</c>: sends an invitation
    /// (<see cref="Invitations.InviterCompte"/>) and prints its link, valid 7 days (links use <c>OpenCpts:UrlPublique</c>).
    /// </summary>
    public static async Task<int> InviterAsync(IServiceProvider sp, string[] mots, TextWriter? sortie = null, TextWriter? erreurs = null)
    {
        sortie ??= Console.Out;
        erreurs ??= Console.Error;
        string? Option(string nom)
        {
            var i = Array.IndexOf(mots, nom);
            return i >= 0 && i + 1 < mots.Length ? mots[i + 1] : null;
        }
        var email = mots.Length > 0 && !mots[0].StartsWith("--", StringComparison.Ordinal) ? mots[0] : null;
        var role = Option("--role");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(role))
        {
            throw new ArgumentException("Usage : user invite EMAIL --role " + string.Join('|', Roles.Tous.Where(r => r != Roles.PlateformeSas))
                + " [--name NOM] [--rpps RPPS | --finess FINESS] [--cpts ID]");
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        await CommandeCpts.LierAsync(sp, mots);
        var resultat = await sp.GetRequiredService<Invitations.InviterCompte>().ExecuteAsync(
            new Invitations.DemandeInvitation(email, Option("--name") ?? email, role, Option("--rpps"), Option("--finess")));
        if (resultat is Invitations.ResultatInvitation.Envoyee envoyee)
        {
            await sortie.WriteLineAsync($"Invitation envoyée à {envoyee.Email} ({Roles.Libelle(role)}), valable 7 jours. Lien :");
            await sortie.WriteLineAsync(envoyee.Lien);
            return 0;
        }
        foreach (var message in ((Invitations.ResultatInvitation.Refusee)resultat).Erreurs.Values.SelectMany(m => m))
        {
            await erreurs.WriteLineAsync(message);
        }
        return 1;
    }

    /// <summary>20 random characters with each class the password rules require.</summary>
    private static string MotDePasseInitial() =>
        "Oc-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y') + "7a";
}
