using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.Comptes.Invitations;

/// <summary>Who is invited: <see cref="Rpps"/> links a Professionnel account to its directory entry, <see cref="Finess"/>
/// an Établissement account to its structure.</summary>
public sealed record DemandeInvitation(string Email, string NomAffiche, string Role, string? Rpps = null, string? Finess = null);

public abstract record ResultatInvitation
{
    /// <param name="Lien">The link, for the CLI and for a platform without mail server (the page shows it then).</param>
    public sealed record Envoyee(int Id, string Email, string Lien, bool EmailEnvoye) : ResultatInvitation;
    /// <summary>French messages keyed by a field of <see cref="DemandeInvitation"/> ("" for the whole form).</summary>
    public sealed record Refusee(ErreursValidation Erreurs) : ResultatInvitation;
}

/// <summary>
/// Invites someone to open an account in the current CPTS: an e-mail with a single-use link valid
/// <see cref="InvitationCompte.Validite"/>. Nothing is granted until the person accepts (<see cref="AccepterInvitation"/>).
/// </summary>
public sealed class InviterCompte(OpenCptsDb db, LiensCompte liens, TimeProvider horloge, JournalAudit audit)
{
    public async Task<ResultatInvitation> ExecuteAsync(DemandeInvitation demande, CancellationToken ct = default)
    {
        var erreurs = new ErreursValidation();
        var email = demande.Email.Trim();
        var nom = demande.NomAffiche.Trim();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (email.Length == 0 || email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Email), "Adresse e-mail invalide.");
        }
        if (nom.Length is 0 or > 200)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.NomAffiche), "Le nom affiché est obligatoire (200 caractères au plus).");
        }
        // The SAS machine account is made by the CLI with its token, never by an invitation.
        if (!Roles.Tous.Contains(demande.Role) || demande.Role == Roles.PlateformeSas)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Role), "Choisissez un rôle.");
        }
        var cptsId = db.Perimetre.CptsId ?? 0;
        if (cptsId == 0)
        {
            erreurs.Ajouter("", "Aucune CPTS n'est choisie : l'invitation doit venir d'une CPTS.");
        }
        var professionnelId = await ProfessionnelAsync(demande, erreurs, ct);
        var structureId = await StructureAsync(demande, erreurs, ct);
        if (erreurs.Count == 0)
        {
            var normalise = email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalise, ct))
            {
                erreurs.Ajouter(nameof(DemandeInvitation.Email),
                    "Un compte a déjà cette adresse : rattachez-le à la CPTS (« Rattacher un compte existant ») au lieu de l'inviter.");
            }
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(), the same on both providers: no culture involved.
            else if (await db.Set<InvitationCompte>().AnyAsync(i => i.Email.ToUpper() == normalise && i.AccepteeLeUtc == null
                && i.AnnuleeLeUtc == null && i.ExpireLeUtc > maintenant, ct))
#pragma warning restore CA1304, CA1311, CA1862
            {
                erreurs.Ajouter(nameof(DemandeInvitation.Email), "Une invitation est déjà en attente pour cette adresse : renvoyez-la depuis la liste.");
            }
        }
        if (erreurs.Count > 0)
        {
            return new ResultatInvitation.Refusee(erreurs);
        }

        var secret = InvitationCompte.NouveauSecret();
        var invitation = new InvitationCompte
        {
            CptsId = cptsId,
            Email = email,
            NomAffiche = nom,
            Role = demande.Role,
            ProfessionnelId = professionnelId,
            StructureId = structureId,
            Empreinte = InvitationCompte.EmpreinteDe(secret),
            CreeLeUtc = maintenant,
            EnvoyeeLeUtc = maintenant,
            ExpireLeUtc = maintenant + InvitationCompte.Validite,
            InvitePar = audit.Auteur(),
        };
        db.Set<InvitationCompte>().Add(invitation);
        await db.SaveChangesAsync(ct);
        await audit.EnregistrerAsync("Invitation", "Compte", email, $"Invitation de {email} avec le rôle {Roles.Libelle(demande.Role)}", ct);
        var (lien, envoye) = await EnvoyerAsync(db, liens, invitation, secret, ct);
        return new ResultatInvitation.Envoyee(invitation.Id, email, lien, envoye);
    }

    /// <summary>The invitation e-mail: the CPTS's name, the role and the link; nothing else.</summary>
    internal static async Task<(string Lien, bool Envoye)> EnvoyerAsync(OpenCptsDb db, LiensCompte liens, InvitationCompte invitation, string secret, CancellationToken ct)
    {
        var cpts = await db.Cpts.Where(c => c.Id == invitation.CptsId).Select(c => c.Nom).FirstOrDefaultAsync(ct) ?? "la CPTS";
        var lien = liens.Absolu(InvitationCompte.Chemin(secret));
        var texte = $"""
            Bonjour {invitation.NomAffiche},

            {cpts} vous invite à ouvrir votre compte OpenCPTS (rôle : {Roles.Libelle(invitation.Role)}).
            Choisissez votre mot de passe en suivant ce lien, valable jusqu'au {Infrastructure.Temps.HeureParis.DepuisUtc(invitation.ExpireLeUtc).ToString("dd/MM/yyyy à HH:mm", System.Globalization.CultureInfo.InvariantCulture)} et utilisable une seule fois :

            {lien}

            Si vous n'attendiez pas cette invitation, ignorez ce message.
            """;
        var envoye = await liens.EnvoyerAsync(invitation.Email, $"Invitation de {cpts}", texte, ct);
        return (lien, envoye);
    }

    private async Task<int?> ProfessionnelAsync(DemandeInvitation demande, ErreursValidation erreurs, CancellationToken ct)
    {
        var rpps = string.IsNullOrWhiteSpace(demande.Rpps) ? null : demande.Rpps.Trim();
        if (rpps is null)
        {
            return null;
        }
        if (demande.Role != Roles.Professionnel)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Rpps), "Le RPPS ne sert qu'à relier un compte Professionnel à l'annuaire.");
            return null;
        }
        if (rpps.Length != 11 || !rpps.All(char.IsAsciiDigit))
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Rpps), "Le RPPS comporte 11 chiffres.");
            return null;
        }
        var id = await db.Professionnels.Where(p => p.Rpps == rpps).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Rpps), $"Aucun professionnel de l'annuaire n'a le RPPS {rpps}.");
        }
        else if (await db.Users.Where(u => u.ProfessionnelId == id).Select(u => u.Email).FirstOrDefaultAsync(ct) is { } dejaRelie)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Rpps), $"Ce professionnel a déjà un compte ({dejaRelie}).");
        }
        return id;
    }

    private async Task<int?> StructureAsync(DemandeInvitation demande, ErreursValidation erreurs, CancellationToken ct)
    {
        var finess = string.IsNullOrWhiteSpace(demande.Finess) ? null : demande.Finess.Trim();
        if (finess is null)
        {
            return null;
        }
        if (demande.Role != Roles.Etablissement)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Finess), "Le FINESS ne sert qu'à relier un compte Établissement à sa structure.");
            return null;
        }
        var structure = await db.Structures.Where(s => s.Finess == finess).Select(s => new { s.Id, s.Fermee }).FirstOrDefaultAsync(ct);
        if (structure is null)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Finess), $"Aucune structure de l'annuaire n'a le FINESS {finess} : importez le fichier FINESS ou créez la structure.");
        }
        else if (structure.Fermee)
        {
            erreurs.Ajouter(nameof(DemandeInvitation.Finess), "Cette structure est fermée.");
        }
        return structure?.Id;
    }
}
