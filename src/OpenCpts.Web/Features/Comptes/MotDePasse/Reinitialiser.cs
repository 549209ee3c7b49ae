using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.MotDePasse;

public abstract record ResultatReinitialisation
{
    public sealed record Reinitialise : ResultatReinitialisation;
    /// <summary>Unknown account, wrong, expired or used code: one answer.</summary>
    public sealed record LienInvalide : ResultatReinitialisation;
    public sealed record Refuse(ErreursValidation Erreurs) : ResultatReinitialisation;
}

/// <summary>
/// Sets the new password of a reset link. Identity renews the security stamp: the link cannot serve twice, and every
/// session and API token of the account ends. A lockout from failed sign-ins is lifted, as the person proved the mailbox.
/// </summary>
public sealed class Reinitialiser(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, JournalAudit audit)
{
    public const string MessageLienInvalide = "Ce lien de réinitialisation n'est plus valable (expiré ou déjà utilisé). Demandez-en un nouveau.";

    public async Task<ResultatReinitialisation> ExecuteAsync(string utilisateurId, string code, string motDePasse, CancellationToken ct = default)
    {
        var utilisateur = string.IsNullOrEmpty(utilisateurId) ? null : await utilisateurs.FindByIdAsync(utilisateurId);
        if (utilisateur is null || utilisateur.DesactiveLeUtc is not null
            || !await utilisateurs.VerifyUserTokenAsync(utilisateur, utilisateurs.Options.Tokens.PasswordResetTokenProvider, UserManager<Utilisateur>.ResetPasswordTokenPurpose, code ?? ""))
        {
            await audit.EnregistrerAsync("Refus", "MotDePasse", utilisateurId ?? "", "Lien de réinitialisation invalide ou expiré", ct);
            return new ResultatReinitialisation.LienInvalide();
        }
        var resultat = await utilisateurs.ResetPasswordAsync(utilisateur, code!, motDePasse);
        if (!resultat.Succeeded)
        {
            var erreurs = new ErreursValidation();
            foreach (var e in resultat.Errors)
            {
                erreurs.Ajouter(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "MotDePasse" : "", e.Description);
            }
            return new ResultatReinitialisation.Refuse(erreurs);
        }
        await utilisateurs.SetLockoutEndDateAsync(utilisateur, null);
        await utilisateurs.ResetAccessFailedCountAsync(utilisateur);
        await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Modification", "MotDePasse", utilisateur.Id,
            $"Mot de passe de {utilisateur.Email} réinitialisé par lien e-mail");
        return new ResultatReinitialisation.Reinitialise();
    }
}
