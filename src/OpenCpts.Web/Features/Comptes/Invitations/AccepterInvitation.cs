using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Invitations;

/// <summary>What the invited person sees before choosing a password.</summary>
public sealed record InvitationOuverte(int Id, string Email, string NomAffiche, string Role, string Cpts);

public abstract record ResultatAcceptation
{
    public sealed record Acceptee(Utilisateur Utilisateur) : ResultatAcceptation;
    /// <summary>Unknown, expired, cancelled or already used: one answer for all, the link says nothing more.</summary>
    public sealed record LienInvalide : ResultatAcceptation;
    public sealed record Refusee(ErreursValidation Erreurs) : ResultatAcceptation;
}

/// <summary>
/// The invited person follows the link and sets a password: the account is created with the invitation's role,
/// directory entry or structure, attached to the inviting CPTS, and the invitation is used up, all in one
/// transaction. The secret is the only credential: it is looked up by its hash across CPTS (the person's request
/// may reach another CPTS's host name), then everything is written in the invitation's CPTS.
/// </summary>
public sealed class AccepterInvitation(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles, TimeProvider horloge, JournalAudit audit)
{
    public const string MessageLienInvalide = "Ce lien d'invitation n'est plus valable (expiré, annulé ou déjà utilisé). Demandez à la coordination de votre CPTS de vous en renvoyer un.";

    /// <summary>The open invitation behind <paramref name="secret"/>, or null.</summary>
    public async Task<InvitationOuverte?> OuvrirAsync(string secret, CancellationToken ct = default)
    {
        var invitation = await TrouverAsync(secret, ct);
        if (invitation is null)
        {
            return null;
        }
        var cpts = await db.Cpts.Where(c => c.Id == invitation.CptsId).Select(c => c.Nom).FirstAsync(ct);
        return new InvitationOuverte(invitation.Id, invitation.Email, invitation.NomAffiche, invitation.Role, cpts);
    }

    public async Task<ResultatAcceptation> ExecuteAsync(string secret, string motDePasse, CancellationToken ct = default)
    {
        var invitation = await TrouverAsync(secret, ct);
        if (invitation is null)
        {
            await audit.EnregistrerAsync("Refus", "Invitation", "lien", "Lien d'invitation invalide, expiré ou déjà utilisé", ct);
            return new ResultatAcceptation.LienInvalide();
        }
        db.Perimetre.Fixer(invitation.CptsId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await roles.RoleExistsAsync(invitation.Role))
        {
            await roles.CreateAsync(new IdentityRole(invitation.Role));
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // The directory entry may have got an account since the invitation: the link is then dropped, not doubled.
        var professionnelLibre = invitation.ProfessionnelId is { } pro && !await db.Users.AnyAsync(u => u.ProfessionnelId == pro, ct);
        var utilisateur = new Utilisateur
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            NomAffiche = invitation.NomAffiche,
            ProfessionnelId = professionnelLibre ? invitation.ProfessionnelId : null,
            StructureId = invitation.StructureId,
            CreeLeUtc = maintenant,
        };
        // Two acceptances of one link at the same moment: the unique user name (the e-mail) lets one account through.
        var creation = await utilisateurs.CreateAsync(utilisateur, motDePasse);
        if (!creation.Succeeded)
        {
            var erreurs = new ErreursValidation();
            foreach (var e in creation.Errors)
            {
                erreurs.Ajouter(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "MotDePasse" : "", e.Description);
            }
            return new ResultatAcceptation.Refusee(erreurs);
        }
        await utilisateurs.AddToRoleAsync(utilisateur, invitation.Role);
        db.Set<RattachementCpts>().Add(new RattachementCpts
        {
            UtilisateurId = utilisateur.Id,
            CptsId = invitation.CptsId,
            RattacheLeUtc = maintenant,
            RattachePar = invitation.InvitePar,
        });
        invitation.AccepteeLeUtc = maintenant;
        invitation.UtilisateurId = utilisateur.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.EnregistrerAsync("Creation", "Compte", utilisateur.Id,
            $"Invitation acceptée : compte {utilisateur.Email} créé avec le rôle {Roles.Libelle(invitation.Role)}, invité par {invitation.InvitePar}", ct);
        return new ResultatAcceptation.Acceptee(utilisateur);
    }

    private Task<InvitationCompte?> TrouverAsync(string secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return Task.FromResult<InvitationCompte?>(null);
        }
        var empreinte = InvitationCompte.EmpreinteDe(secret);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return db.Set<InvitationCompte>().IgnoreQueryFilters()
            .FirstOrDefaultAsync(i => i.Empreinte == empreinte && i.AccepteeLeUtc == null && i.AnnuleeLeUtc == null && i.ExpireLeUtc > maintenant, ct);
    }
}
