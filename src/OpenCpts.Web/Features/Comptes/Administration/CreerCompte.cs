using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Administration;

/// <summary>An account requested by the Coordination; <see cref="Rpps"/> links a Professionnel account to the directory.</summary>
public sealed record DemandeCompte(string Email, string NomAffiche, string Role, string? Rpps, string MotDePasse);

public abstract record ResultatCreationCompte
{
    public sealed record Cree(string UtilisateurId, string Email) : ResultatCreationCompte;
    /// <summary>French messages keyed by a field of <see cref="DemandeCompte"/> ("" for the whole form).</summary>
    public sealed record Refuse(ErreursValidation Erreurs) : ResultatCreationCompte;
}

/// <summary>Creates an account with its role and initial password (typed by the coordinator, subject to the password rules).</summary>
public sealed class CreerCompte(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles, TimeProvider horloge, JournalAudit audit)
{
    public async Task<ResultatCreationCompte> ExecuteAsync(DemandeCompte demande, CancellationToken ct = default)
    {
        var erreurs = new ErreursValidation();
        var email = demande.Email.Trim();
        var rpps = string.IsNullOrWhiteSpace(demande.Rpps) ? null : demande.Rpps.Trim();
        if (!Roles.Tous.Contains(demande.Role))
        {
            erreurs.Ajouter(nameof(DemandeCompte.Role), "Choisissez un rôle.");
        }
        int? professionnelId = null;
        if (rpps is not null)
        {
            if (demande.Role != Roles.Professionnel)
            {
                erreurs.Ajouter(nameof(DemandeCompte.Rpps), "Le RPPS ne sert qu'à relier un compte Professionnel à l'annuaire.");
            }
            else if (rpps.Length != 11 || !rpps.All(char.IsAsciiDigit))
            {
                erreurs.Ajouter(nameof(DemandeCompte.Rpps), "Le RPPS comporte 11 chiffres.");
            }
            else
            {
                var professionnel = await db.Professionnels.Where(p => p.Rpps == rpps).Select(p => new { p.Id }).FirstOrDefaultAsync(ct);
                if (professionnel is null)
                {
                    erreurs.Ajouter(nameof(DemandeCompte.Rpps), $"Aucun professionnel de l'annuaire n'a le RPPS {rpps}.");
                }
                else if (await db.Users.Where(u => u.ProfessionnelId == professionnel.Id).Select(u => u.Email).FirstOrDefaultAsync(ct) is { } dejaRelie)
                {
                    erreurs.Ajouter(nameof(DemandeCompte.Rpps), $"Ce professionnel a déjà un compte ({dejaRelie}).");
                }
                else
                {
                    professionnelId = professionnel.Id;
                }
            }
        }
        var cptsId = db.Perimetre.CptsId ?? 0;
        if (cptsId == 0)
        {
            erreurs.Ajouter("", "Aucune CPTS n'est choisie : le compte doit être rattaché à une CPTS.");
        }
        if (erreurs.Count > 0)
        {
            return new ResultatCreationCompte.Refuse(erreurs);
        }

        // The user, his role (created on a fresh base) and the directory link succeed or fail together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await roles.RoleExistsAsync(demande.Role))
        {
            await roles.CreateAsync(new IdentityRole(demande.Role));
        }
        var utilisateur = new Utilisateur
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            NomAffiche = demande.NomAffiche.Trim(),
            ProfessionnelId = professionnelId,
            CreeLeUtc = horloge.GetUtcNow().UtcDateTime,
        };
        var creation = await utilisateurs.CreateAsync(utilisateur, demande.MotDePasse);
        if (!creation.Succeeded)
        {
            return new ResultatCreationCompte.Refuse(Erreurs(creation, e => Champ(e.Code)));
        }
        var ajout = await utilisateurs.AddToRoleAsync(utilisateur, demande.Role);
        if (!ajout.Succeeded)
        {
            return new ResultatCreationCompte.Refuse(Erreurs(ajout, _ => ""));
        }
        // The account is created for the CPTS it is created in: the creation is the explicit act that attaches it.
        db.Set<RattachementCpts>().Add(new RattachementCpts
        {
            UtilisateurId = utilisateur.Id,
            CptsId = cptsId,
            RattacheLeUtc = utilisateur.CreeLeUtc,
            RattachePar = audit.Auteur(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.EnregistrerAsync("Creation", "Compte", utilisateur.Id, $"Compte {email} créé avec le rôle {Roles.Libelle(demande.Role)}, rattaché à la CPTS {cptsId}", ct);
        return new ResultatCreationCompte.Cree(utilisateur.Id, email);
    }

    private static ErreursValidation Erreurs(IdentityResult resultat, Func<IdentityError, string> champ)
    {
        var erreurs = new ErreursValidation();
        foreach (var e in resultat.Errors)
        {
            erreurs.Ajouter(champ(e), e.Description);
        }
        return erreurs;
    }

    private static string Champ(string codeErreur) => codeErreur switch
    {
        _ when codeErreur.StartsWith("Password", StringComparison.Ordinal) => nameof(DemandeCompte.MotDePasse),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail)
            or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(DemandeCompte.Email),
        _ => "",
    };
}
