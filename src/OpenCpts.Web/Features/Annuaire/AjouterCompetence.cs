using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Annuaire;

public enum ResultatAjoutCompetence
{
    Ajoutee,
    DejaDeclaree,
    Invalide,
    ProfessionnelIntrouvable,
}

/// <summary>Declares a skill or activity of a professional ("ETP diabète", "plaies complexes").</summary>
public sealed class AjouterCompetence(OpenCptsDb db, TimeProvider horloge)
{
    public const int LongueurMax = 100;

    public async Task<ResultatAjoutCompetence> ExecuteAsync(int professionnelId, string? libelle, CancellationToken ct = default)
    {
        var propre = string.Join(' ', (libelle ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var recherche = TexteRecherche.Normaliser(propre);
        if (recherche.Length == 0 || propre.Length > LongueurMax)
        {
            return ResultatAjoutCompetence.Invalide;
        }
        var professionnel = await db.Professionnels.FirstOrDefaultAsync(p => p.Id == professionnelId, ct);
        if (professionnel is null)
        {
            return ResultatAjoutCompetence.ProfessionnelIntrouvable;
        }
        if (await db.Competences.AnyAsync(c => c.ProfessionnelId == professionnelId && c.LibelleRecherche == recherche, ct))
        {
            return ResultatAjoutCompetence.DejaDeclaree;
        }
        db.Competences.Add(new Competence { ProfessionnelId = professionnelId, Libelle = propre, LibelleRecherche = recherche });
        professionnel.MisAJourLeUtc = horloge.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (professional, normalised label) caught a concurrent duplicate.
            return ResultatAjoutCompetence.DejaDeclaree;
        }
        return ResultatAjoutCompetence.Ajoutee;
    }

    public static string Message(ResultatAjoutCompetence resultat) => resultat switch
    {
        ResultatAjoutCompetence.Ajoutee => "Compétence ajoutée.",
        ResultatAjoutCompetence.DejaDeclaree => "Cette compétence est déjà déclarée.",
        ResultatAjoutCompetence.Invalide => $"Saisissez une compétence de 1 à {LongueurMax} caractères.",
        ResultatAjoutCompetence.ProfessionnelIntrouvable => "Professionnel introuvable.",
        _ => "",
    };
}
