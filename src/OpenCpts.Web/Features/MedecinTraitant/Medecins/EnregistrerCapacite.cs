using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.MedecinTraitant.Medecins;

/// <summary>What a GP (or the Coordination for him) declares.</summary>
public sealed record SaisieCapacite(int NouveauxPatientsParMois, IReadOnlyList<string> Communes, int? AgeMin, int? AgeMax, CriteresPriorite CriteresExiges, bool EnPause);

public abstract record ResultatCapacite
{
    public sealed record Enregistree : ResultatCapacite;
    /// <summary>Not a general practitioner of the directory.</summary>
    public sealed record PasMedecinGeneraliste : ResultatCapacite;
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatCapacite;
}

/// <summary>Creates or updates a GP's capacity. Communes must belong to the territory; ages 0–120, min ≤ max.</summary>
public sealed class EnregistrerCapacite(OpenCptsDb db, CptsCourante cpts, TimeProvider horloge)
{
    /// <summary>TRE_R38 specialties counted as general practice.</summary>
    public static readonly string[] SpecialitesMedecineGenerale = ["SM54", "SM26", "SM53"];

    public static bool EstGeneraliste(string codeProfession, string? codeSpecialite) =>
        codeProfession == "10" && SpecialitesMedecineGenerale.Contains(codeSpecialite);

    public async Task<ResultatCapacite> ExecuteAsync(int professionnelId, SaisieCapacite saisie, string? par, CancellationToken ct = default)
    {
        var pro = await db.Professionnels.AsNoTracking().Where(p => p.Id == professionnelId)
            .Select(p => new { p.CodeProfession, p.CodeSpecialite }).SingleOrDefaultAsync(ct);
        if (pro is null || !EstGeneraliste(pro.CodeProfession, pro.CodeSpecialite))
        {
            return new ResultatCapacite.PasMedecinGeneraliste();
        }
        var erreurs = new ErreursValidation();
        if (saisie.NouveauxPatientsParMois is < 0 or > 200)
        {
            erreurs["NouveauxPatientsParMois"] = ["Entre 0 et 200 nouveaux patients par mois."];
        }
        if (saisie.AgeMin is < 0 or > 120 || saisie.AgeMax is < 0 or > 120)
        {
            erreurs["AgeMin"] = ["Les âges vont de 0 à 120 ans."];
        }
        else if (saisie.AgeMin is { } min && saisie.AgeMax is { } max && min > max)
        {
            erreurs["AgeMax"] = ["L'âge maximum doit être supérieur ou égal à l'âge minimum."];
        }
        var territoire = await cpts.CodesCommunesAsync(ct);
        var communes = saisie.Communes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (communes.Any(c => !territoire.Contains(c)))
        {
            erreurs["Communes"] = ["Choisissez des communes du territoire de la CPTS."];
        }
        if (erreurs.Count > 0)
        {
            return new ResultatCapacite.Invalide(erreurs);
        }
        var capacite = await db.CapacitesMedecin.SingleOrDefaultAsync(c => c.ProfessionnelId == professionnelId, ct);
        if (capacite is null)
        {
            capacite = new CapaciteMedecin { ProfessionnelId = professionnelId };
            db.CapacitesMedecin.Add(capacite);
        }
        capacite.NouveauxPatientsParMois = saisie.NouveauxPatientsParMois;
        capacite.CommunesAcceptees = string.Join(',', communes.Order(StringComparer.Ordinal));
        capacite.AgeMin = saisie.AgeMin;
        capacite.AgeMax = saisie.AgeMax;
        capacite.CriteresExiges = saisie.CriteresExiges;
        capacite.EnPause = saisie.EnPause;
        capacite.ModifieeLeUtc = horloge.GetUtcNow().UtcDateTime;
        capacite.ModifieePar = par;
        await db.SaveChangesAsync(ct);
        return new ResultatCapacite.Enregistree();
    }
}
