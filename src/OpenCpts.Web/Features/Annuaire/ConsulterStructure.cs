using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>The detail of a structure with the professionals practising there.</summary>
/// <param name="Source">"FINESS" (kept up to date by the FINESS import) or "Saisie" (entered by a coordination).</param>
/// <param name="Fermee">Closed establishments stay in the directory, marked closed.</param>
public sealed record FicheStructure(
    int Id,
    string Nom,
    string CodeCategorie,
    string? Finess,
    string? FinessJuridique,
    string? Siret,
    string? Voie,
    string? CodePostal,
    string? CodeCommune,
    string? LibelleCommune,
    string? Telephone,
    string? Email,
    IReadOnlyList<ProfessionnelDeStructure> Professionnels,
    string Source,
    bool Fermee,
    DateOnly? FermeeLe)
{
    public string Categorie => Terminologies.Instance.CategoriesEtablissement.Libelle(CodeCategorie);
}

public sealed record ProfessionnelDeStructure(string Rpps, string? CiviliteExercice, string Nom, string Prenom, string CodeProfession, string? CodeSpecialite, string? Telephone)
{
    public string NomAffiche => Civilites.NomAffiche(CiviliteExercice, Prenom, Nom);
    public string Profession => Terminologies.Instance.Professions.Libelle(CodeProfession);
    public string? Specialite => CodeSpecialite is null ? null : Terminologies.Instance.Specialites.Libelle(CodeSpecialite);
}

public sealed class ConsulterStructure(OpenCptsDb db)
{
    public async Task<FicheStructure?> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Nom, s.CodeCategorie, s.Finess, s.FinessJuridique, s.Siret, s.Voie, s.CodePostal, s.CodeCommune, s.LibelleCommune, s.Telephone, s.Email, s.Source, s.Fermee, s.FermeeLe })
            .FirstOrDefaultAsync(ct);
        if (structure is null)
        {
            return null;
        }
        var professionnels = await db.Activites.AsNoTracking().Where(a => a.StructureId == id)
            .Join(db.Professionnels, a => a.ProfessionnelId, p => p.Id, (a, p) => new { p, a.Telephone })
            .OrderBy(x => x.p.NomRecherche).ThenBy(x => x.p.Rpps)
            .Select(x => new ProfessionnelDeStructure(x.p.Rpps, x.p.CiviliteExercice, x.p.Nom, x.p.Prenom, x.p.CodeProfession, x.p.CodeSpecialite, x.Telephone))
            .ToListAsync(ct);
        return new FicheStructure(structure.Id, structure.Nom, structure.CodeCategorie, structure.Finess, structure.FinessJuridique, structure.Siret,
            structure.Voie, structure.CodePostal, structure.CodeCommune, structure.LibelleCommune, structure.Telephone, structure.Email, professionnels,
            structure.Source, structure.Fermee, structure.FermeeLe);
    }
}
