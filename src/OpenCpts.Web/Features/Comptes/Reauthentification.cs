using Microsoft.AspNetCore.Identity;

namespace OpenCpts.Web.Features.Comptes;

/// <summary>
/// Re-authentication before a sensitive change of one's own account (disabling 2FA, new recovery codes, a new API
/// token): a stolen open session alone must not be enough. Accepts the current password or, when 2FA is on, a TOTP
/// code, typed in the same form as the change.
/// </summary>
public static class Reauthentification
{
    public const string MessageRefus = "Confirmez votre identité : le mot de passe actuel ou le code de votre application est incorrect.";

    public static async Task<bool> VerifierAsync(UserManager<Utilisateur> utilisateurs, Utilisateur utilisateur, string? saisie)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return false;
        }
        var code = new string([.. saisie.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        // A password has at least 12 characters: 6 digits can only be a TOTP code.
        var valide = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await utilisateurs.GetTwoFactorEnabledAsync(utilisateur)
                && await utilisateurs.VerifyTwoFactorTokenAsync(utilisateur, utilisateurs.Options.Tokens.AuthenticatorTokenProvider, code)
            : await utilisateurs.CheckPasswordAsync(utilisateur, saisie);
        if (!valide)
        {
            // Guessing through this form counts towards the lockout like guessing at sign-in.
            await utilisateurs.AccessFailedAsync(utilisateur);
        }
        return valide;
    }
}
