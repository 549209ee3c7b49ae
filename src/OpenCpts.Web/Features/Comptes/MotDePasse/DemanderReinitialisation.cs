using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.MotDePasse;

/// <summary>
/// "Mot de passe oublié": an active account gets an e-mail with a reset link (Identity's token, valid
/// <see cref="Validite"/>, dead once the password changes). The caller answers the same whatever happened, so the
/// page does not tell whether an address has an account.
/// </summary>
public sealed class DemanderReinitialisation(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, LiensCompte liens, JournalAudit audit)
{
    public static readonly TimeSpan Validite = TimeSpan.FromHours(2);

    public async Task ExecuteAsync(string email, CancellationToken ct = default)
    {
        var utilisateur = await utilisateurs.FindByEmailAsync(email.Trim());
        if (utilisateur is null || utilisateur.DesactiveLeUtc is not null || await utilisateurs.IsInRoleAsync(utilisateur, Roles.PlateformeSas))
        {
            await audit.EnregistrerAsync("Refus", "MotDePasse", Tronquer(email.Trim()), "Réinitialisation demandée pour une adresse sans compte actif", ct);
            return;
        }
        var code = await utilisateurs.GeneratePasswordResetTokenAsync(utilisateur);
        var lien = liens.Absolu(Chemin(utilisateur.Id, code));
        await liens.EnvoyerAsync(utilisateur.Email!, "Réinitialisation de votre mot de passe", $"""
            Bonjour {utilisateur.NomAffiche},

            Une réinitialisation du mot de passe de votre compte OpenCPTS a été demandée. Pour choisir un nouveau mot de passe, suivez ce lien (valable {Validite.TotalHours:0} heures, une seule fois) :

            {lien}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
            """, ct);
        await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Demande", "MotDePasse", utilisateur.Id,
            $"Lien de réinitialisation du mot de passe envoyé à {utilisateur.Email}");
    }

    public static string Chemin(string utilisateurId, string code) =>
        $"/compte/reinitialiser?compte={Uri.EscapeDataString(utilisateurId)}&code={Uri.EscapeDataString(code)}";

    private static string Tronquer(string s) => s.Length <= 120 ? s : s[..120];
}
