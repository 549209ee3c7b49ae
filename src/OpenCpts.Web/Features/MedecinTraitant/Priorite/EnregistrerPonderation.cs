using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant.Priorite;

/// <summary>The weights as typed on the settings page.</summary>
public sealed record SaisiePonderation(
    int Ald, int Plus70, int Moins16, int Grossesse, int Handicap, int Precarite, int SortieHospitalisation, int TraitementChronique, int ParMoisAttente)
{
    public static SaisiePonderation Depuis(PonderationPriorite p) => new(p.PoidsAld, p.PoidsPlus70, p.PoidsMoins16, p.PoidsGrossesse, p.PoidsHandicap,
        p.PoidsPrecarite, p.PoidsSortieHospitalisation, p.PoidsTraitementChronique, p.PoidsParMoisAttente);

    public PonderationPriorite Appliquer(PonderationPriorite p)
    {
        p.PoidsAld = Ald;
        p.PoidsPlus70 = Plus70;
        p.PoidsMoins16 = Moins16;
        p.PoidsGrossesse = Grossesse;
        p.PoidsHandicap = Handicap;
        p.PoidsPrecarite = Precarite;
        p.PoidsSortieHospitalisation = SortieHospitalisation;
        p.PoidsTraitementChronique = TraitementChronique;
        p.PoidsParMoisAttente = ParMoisAttente;
        return p;
    }

    public IEnumerable<int> Valeurs() => [Ald, Plus70, Moins16, Grossesse, Handicap, Precarite, SortieHospitalisation, TraitementChronique, ParMoisAttente];
}

/// <summary>Saves the weights of the CPTS (created on first save; one row per CPTS, unique index).</summary>
public sealed class EnregistrerPonderation(OpenCptsDb db, TimeProvider horloge)
{
    public const int PoidsMax = 1000;

    /// <summary>False when a weight is outside 0..<see cref="PoidsMax"/>; nothing is saved then.</summary>
    public async Task<bool> ExecuteAsync(int cptsId, SaisiePonderation saisie, string? par, CancellationToken ct = default)
    {
        if (saisie.Valeurs().Any(v => v is < 0 or > PoidsMax))
        {
            return false;
        }
        var p = await db.PonderationsPriorite.FirstOrDefaultAsync(x => x.CptsId == cptsId, ct);
        if (p is null)
        {
            p = new PonderationPriorite { CptsId = cptsId };
            db.PonderationsPriorite.Add(p);
        }
        saisie.Appliquer(p);
        p.ModifieeLeUtc = horloge.GetUtcNow().UtcDateTime;
        p.ModifieePar = par;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
