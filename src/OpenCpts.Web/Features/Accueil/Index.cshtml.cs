using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Accueil;

/// <summary>Home dashboard: the CPTS at a glance, with the shortcuts of the user's role.</summary>
public class IndexModel(OpenCptsDb db, CptsCourante cptsCourante) : PageModel
{
    public string NomCpts { get; private set; } = "";
    public int Communes { get; private set; }
    public long Population { get; private set; }
    public int Professionnels { get; private set; }
    public int Membres { get; private set; }
    public int Structures { get; private set; }
    /// <summary>The last RPPS import, shown to the Coordination who runs them.</summary>
    public Import.RapportImport? DernierImport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var cpts = await cptsCourante.TrouverAsync(ct);
        if (cpts is null)
        {
            NomCpts = "Aucune CPTS configurée";
            return;
        }
        NomCpts = cpts.Nom;
        var codes = db.CommunesTerritoire.Where(t => t.CptsId == cpts.Id).Select(t => t.CodeInsee);
        Communes = await codes.CountAsync(ct);
        Population = await db.Communes.Where(c => codes.Contains(c.CodeInsee)).SumAsync(c => (long)c.Population, ct);
        Professionnels = await db.Professionnels.CountAsync(p => p.Activites.Any(a => a.CodeCommune != null && codes.Contains(a.CodeCommune)), ct);
        Membres = await db.Adhesions.CountAsync(a => a.CptsId == cpts.Id, ct);
        Structures = await db.Structures.CountAsync(s => s.CodeCommune != null && codes.Contains(s.CodeCommune), ct);
        if (User.IsInRole(Comptes.Roles.Coordination))
        {
            DernierImport = await db.RapportsImport.AsNoTracking().OrderByDescending(r => r.DebutUtc).FirstOrDefaultAsync(ct);
        }
    }
}
