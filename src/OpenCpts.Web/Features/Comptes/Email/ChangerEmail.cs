using Microsoft.AspNetCore.Identity;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Email;

/// <summary>
/// An account changes its e-mail address (which is also its sign-in name) in two steps: <see cref="DemanderAsync"/>
/// sends a link to the new address, <see cref="ConfirmerAsync"/> makes the change when the link is followed. Until
/// then nothing changes, so a typo cannot lock anyone out.
/// </summary>
public sealed class ChangerEmail(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, LiensCompte liens, JournalAudit audit)
{
    public const string MessageLienInvalide = "Ce lien de confirmation n'est plus valable. Demandez le changement d'adresse à nouveau depuis votre profil.";

    /// <summary>Null when the request is sent; else the French reason it is refused.</summary>
    public async Task<string?> DemanderAsync(Utilisateur utilisateur, string nouvelleAdresse, CancellationToken ct = default)
    {
        var email = nouvelleAdresse.Trim();
        if (email.Length is 0 or > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            return "Adresse e-mail invalide.";
        }
        if (string.Equals(email, utilisateur.Email, StringComparison.OrdinalIgnoreCase))
        {
            return "C'est déjà l'adresse de votre compte.";
        }
        if (await utilisateurs.FindByEmailAsync(email) is not null || await utilisateurs.FindByNameAsync(email) is not null)
        {
            return "Cette adresse est déjà celle d'un autre compte.";
        }
        var code = await utilisateurs.GenerateChangeEmailTokenAsync(utilisateur, email);
        var lien = liens.Absolu($"/compte/confirmer-email?compte={Uri.EscapeDataString(utilisateur.Id)}&email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}");
        await liens.EnvoyerAsync(email, "Confirmez votre nouvelle adresse", $"""
            Bonjour {utilisateur.NomAffiche},

            Pour que cette adresse devienne celle de votre compte OpenCPTS (et votre identifiant de connexion), suivez ce lien :

            {lien}

            Si vous n'avez rien demandé, ignorez ce message : rien ne change.
            """, ct);
        await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Demande", "Compte", utilisateur.Id,
            $"Changement d'adresse demandé : {utilisateur.Email} → {email} (lien envoyé à la nouvelle adresse)");
        return null;
    }

    /// <summary>True when the address is changed; false for a wrong, expired or used link.</summary>
    public async Task<bool> ConfirmerAsync(string utilisateurId, string email, string code, CancellationToken ct = default)
    {
        var utilisateur = string.IsNullOrEmpty(utilisateurId) ? null : await utilisateurs.FindByIdAsync(utilisateurId);
        if (utilisateur is null || utilisateur.DesactiveLeUtc is not null || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code))
        {
            await audit.EnregistrerAsync("Refus", "Compte", utilisateurId ?? "", "Lien de changement d'adresse invalide", ct);
            return false;
        }
        var ancienne = utilisateur.Email;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changement = await utilisateurs.ChangeEmailAsync(utilisateur, email, code);
        if (!changement.Succeeded || !(await utilisateurs.SetUserNameAsync(utilisateur, email)).Succeeded)
        {
            await audit.EnregistrerAsync("Refus", "Compte", utilisateurId, "Lien de changement d'adresse invalide ou adresse déjà prise", ct);
            return false;
        }
        await transaction.CommitAsync(ct);
        await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Modification", "Compte", utilisateur.Id,
            $"Adresse du compte changée : {ancienne} → {email}");
        return true;
    }
}
