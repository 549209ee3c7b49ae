using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Invitations;

/// <summary>A member of the CPTS who could be invited: no account yet, no open invitation, an e-mail in the directory.</summary>
public sealed record MembreInvitable(int ProfessionnelId, string Nom, string Prenom, string CodeProfession, string Rpps, string Email);

/// <summary>What a bulk invitation did, per person.</summary>
public sealed record BilanInvitations(IReadOnlyList<string> Invites, IReadOnlyList<string> Refus);

/// <summary>
/// Bulk invitation of members chosen in the directory: one <see cref="InviterCompte"/> per member (role Professionnel,
/// account linked to the directory entry by its RPPS), each checked and audited on its own.
/// </summary>
public sealed class InviterMembres(OpenCptsDb db, InviterCompte inviter, TimeProvider horloge)
{
    public async Task<IReadOnlyList<MembreInvitable>> ListerAsync(CancellationToken ct = default)
    {
        var cptsId = db.Perimetre.CptsId;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        return await db.Professionnels.AsNoTracking()
            .Where(p => db.Set<Adhesion>().Any(a => a.ProfessionnelId == p.Id && a.CptsId == cptsId)
                && p.Email != null && p.Email != ""
                && !db.Users.Any(u => u.ProfessionnelId == p.Id)
                && !db.Set<InvitationCompte>().Any(i => i.ProfessionnelId == p.Id && i.AccepteeLeUtc == null && i.AnnuleeLeUtc == null && i.ExpireLeUtc > maintenant))
            .OrderBy(p => p.Nom).ThenBy(p => p.Prenom)
            .Select(p => new MembreInvitable(p.Id, p.Nom, p.Prenom, p.CodeProfession, p.Rpps, p.Email!))
            .ToListAsync(ct);
    }

    public async Task<BilanInvitations> ExecuteAsync(IReadOnlyCollection<int> professionnels, CancellationToken ct = default)
    {
        var invitables = (await ListerAsync(ct)).ToDictionary(m => m.ProfessionnelId);
        var invites = new List<string>();
        var refus = new List<string>();
        foreach (var id in professionnels.Distinct())
        {
            if (!invitables.TryGetValue(id, out var membre))
            {
                refus.Add($"Professionnel n° {id} : pas membre de la CPTS, sans e-mail, ou déjà invité ou doté d'un compte.");
                continue;
            }
            var resultat = await inviter.ExecuteAsync(new DemandeInvitation(membre.Email, $"{membre.Prenom} {membre.Nom}", Roles.Professionnel, membre.Rpps), ct);
            if (resultat is ResultatInvitation.Envoyee)
            {
                invites.Add($"{membre.Prenom} {membre.Nom}");
            }
            else if (resultat is ResultatInvitation.Refusee r)
            {
                refus.Add($"{membre.Prenom} {membre.Nom} : {string.Join(" ", r.Erreurs.Values.SelectMany(m => m))}");
            }
        }
        return new BilanInvitations(invites, refus);
    }
}
