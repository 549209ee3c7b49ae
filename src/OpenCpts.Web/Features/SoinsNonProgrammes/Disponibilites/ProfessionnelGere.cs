using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>The professional whose availabilities are managed, with his practice sites.</summary>
public sealed record ProfessionnelDisponibilites(int Id, string Rpps, string NomAffiche, IReadOnlyList<(int Id, string Libelle)> Lieux);

public abstract record ResultatProfessionnelGere
{
    public sealed record Trouve(ProfessionnelDisponibilites Professionnel) : ResultatProfessionnelGere;
    /// <summary>Régulation/Coordination without a choice yet (or an unknown RPPS).</summary>
    public sealed record AChoisir(string? RppsInconnu) : ResultatProfessionnelGere;
    public sealed record Interdit : ResultatProfessionnelGere;
    /// <summary>A Professionnel account not linked to a directory entry.</summary>
    public sealed record NonRelie : ResultatProfessionnelGere;
}

/// <summary>
/// Decides whose availabilities a user manages: a Professionnel only his own (any other RPPS is
/// forbidden), the Régulation and the Coordination the one named by RPPS.
/// </summary>
public sealed class ProfessionnelGere(OpenCptsDb db, UserManager<Utilisateur> utilisateurs)
{
    public async Task<ResultatProfessionnelGere> ExecuteAsync(ClaimsPrincipal utilisateur, string? rpps, CancellationToken ct = default)
    {
        int? id;
        if (utilisateur.IsInRole(Roles.Regulation) || utilisateur.IsInRole(Roles.Coordination))
        {
            if (string.IsNullOrWhiteSpace(rpps))
            {
                return new ResultatProfessionnelGere.AChoisir(null);
            }
            id = await db.Professionnels.Where(p => p.Rpps == rpps).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                return new ResultatProfessionnelGere.AChoisir(rpps);
            }
        }
        else
        {
            var userId = utilisateurs.GetUserId(utilisateur);
            id = await db.Users.Where(u => u.Id == userId).Select(u => u.ProfessionnelId).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                return new ResultatProfessionnelGere.NonRelie();
            }
            if (!string.IsNullOrWhiteSpace(rpps) && !await db.Professionnels.AnyAsync(p => p.Id == id && p.Rpps == rpps, ct))
            {
                return new ResultatProfessionnelGere.Interdit();
            }
        }
        var p = await db.Professionnels.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Rpps, p.CiviliteExercice, p.Prenom, p.Nom })
            .SingleAsync(ct);
        var lieux = await db.Activites.Where(a => a.ProfessionnelId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.RaisonSociale, a.Enseigne, a.Voie, a.LibelleCommune })
            .ToListAsync(ct);
        return new ResultatProfessionnelGere.Trouve(new ProfessionnelDisponibilites(
            p.Id, p.Rpps, Annuaire.Civilites.NomAffiche(p.CiviliteExercice, p.Prenom, p.Nom),
            [.. lieux.Select(a => (a.Id, string.Join(", ", new[] { a.Enseigne ?? a.RaisonSociale, a.Voie, a.LibelleCommune }.Where(x => !string.IsNullOrWhiteSpace(x)))))]));
    }
}
