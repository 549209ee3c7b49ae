using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>The detail of a professional: identity, membership, every practice site, skills.</summary>
public sealed record FicheProfessionnel(
    [property: JsonIgnore] int Id,
    string Rpps,
    string? Civilite,
    string? CiviliteExercice,
    string Nom,
    string Prenom,
    string CodeProfession,
    string? CodeSpecialite,
    string? Email,
    string? TelephoneMobile,
    bool Membre,
    DateOnly? MembreDepuis,
    IReadOnlyList<FicheActivite> Activites,
    IReadOnlyList<FicheCompetence> Competences)
{
    public string NomAffiche => Civilites.NomAffiche(CiviliteExercice, Prenom, Nom);
    public string Profession => Terminologies.Instance.Professions.Libelle(CodeProfession);
    public string? Specialite => CodeSpecialite is null ? null : Terminologies.Instance.Specialites.Libelle(CodeSpecialite);
}

public sealed record FicheActivite(
    string ModeExercice,
    string? RaisonSociale,
    string? Enseigne,
    string? ComplementAdresse,
    string? Voie,
    string? CodePostal,
    string? CodeCommune,
    string? LibelleCommune,
    string? Telephone,
    string? Email,
    int? StructureId,
    string? NomStructure)
{
    public string Mode => Terminologies.Instance.ModesExercice.Libelle(ModeExercice);
}

public sealed record FicheCompetence(int Id, string Libelle);

/// <summary>Reads one professional's detail, by RPPS (pages, API) or by id (the user's own entry).</summary>
public sealed class ConsulterProfessionnel(OpenCptsDb db, CptsCourante cptsCourante)
{
    public Task<FicheProfessionnel?> ParRppsAsync(string rpps, CancellationToken ct = default) =>
        LireAsync(db.Professionnels.Where(p => p.Rpps == rpps), ct);

    public Task<FicheProfessionnel?> ParIdAsync(int id, CancellationToken ct = default) =>
        LireAsync(db.Professionnels.Where(p => p.Id == id), ct);

    private async Task<FicheProfessionnel?> LireAsync(IQueryable<Professionnel> requete, CancellationToken ct)
    {
        var cptsId = (await cptsCourante.TrouverAsync(ct))?.Id ?? -1;
        return await requete.AsNoTracking().Select(p => new FicheProfessionnel(
                p.Id, p.Rpps, p.Civilite, p.CiviliteExercice, p.Nom, p.Prenom, p.CodeProfession, p.CodeSpecialite,
                p.Email, p.TelephoneMobile,
                p.Adhesions.Any(a => a.CptsId == cptsId),
                p.Adhesions.Where(a => a.CptsId == cptsId).Select(a => (DateOnly?)a.DepuisLe).FirstOrDefault(),
                p.Activites.OrderBy(a => a.Id).Select(a => new FicheActivite(
                    a.ModeExercice, a.RaisonSociale, a.Enseigne, a.ComplementAdresse, a.Voie, a.CodePostal, a.CodeCommune,
                    a.LibelleCommune, a.Telephone, a.Email, a.StructureId, a.Structure != null ? a.Structure.Nom : null)).ToList(),
                p.Competences.OrderBy(c => c.LibelleRecherche).Select(c => new FicheCompetence(c.Id, c.Libelle)).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
    }
}
