using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Demo;

/// <summary><c>OpenCpts:Demo:Charger</c>: load the demo CPTS on start (Development only by default).</summary>
public sealed class OptionsDemo
{
    public bool Charger { get; set; }
}

public static class Demo
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("OpenCpts:Demo").Get<OptionsDemo>() ?? new OptionsDemo());
        services.AddScoped<SeedDemo>();
        return services;
    }
}

/// <summary>
/// The demo CPTS du Pays de Bourges: real communes of the Cher, synthetic professionals and
/// structures (invented names), one account per role. Deterministic: same seed, same data.
/// </summary>
public sealed class SeedDemo(OpenCptsDb db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles, TimeProvider horloge)
{
    public const string NomCpts = "CPTS du Pays de Bourges";
    public const string MotDePasse = "Demo-OpenCPTS-2026!";

    public static readonly IReadOnlyList<(string Email, string Role)> Comptes =
    [
        ("coordination@demo.opencpts.fr", Roles.Coordination),
        ("regulation@demo.opencpts.fr", Roles.Regulation),
        ("pro@demo.opencpts.fr", Roles.Professionnel),
        ("bureau@demo.opencpts.fr", Roles.Bureau),
        ("lecture@demo.opencpts.fr", Roles.LectureInstitutionnelle),
    ];

    /// <summary>Communes of the demo territory: Bourges and its neighbours (about 124 000 inhabitants).</summary>
    public static readonly IReadOnlyList<string> CommunesDemo =
    [
        "18033", // Bourges
        "18205", // Saint-Doulchard
        "18141", // Mehun-sur-Yèvre
        "18223", // Saint-Germain-du-Puy
        "18213", // Saint-Florent-sur-Cher
        "18267", // Trouy
        "18255", // Saint-Just — checked against the reference at load time
    ];

    /// <summary>Loads the demo when no CPTS exists yet; false when there is already one.</summary>
    public async Task<bool> ChargerSiAbsenteAsync(CancellationToken ct = default)
    {
        if (await db.Cpts.AnyAsync(ct))
        {
            return false;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var cpts = new Cpts { Nom = NomCpts, CreeLeUtc = maintenant, Email = "contact@cpts-pays-de-bourges.invalid" };
        db.Cpts.Add(cpts);
        await db.SaveChangesAsync(ct);
        var existantes = await db.Communes.Where(c => CommunesDemo.Contains(c.CodeInsee)).Select(c => c.CodeInsee).ToListAsync(ct);
        db.CommunesTerritoire.AddRange(existantes.Select(c => new CommuneTerritoire { CptsId = cpts.Id, CodeInsee = c, AjouteeLeUtc = maintenant }));
        await db.SaveChangesAsync(ct);
        await CreerComptesAsync(maintenant);
        return true;
    }

    private async Task CreerComptesAsync(DateTime maintenant)
    {
        foreach (var role in Roles.Tous)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        foreach (var (email, role) in Comptes)
        {
            var u = new Utilisateur { UserName = email, Email = email, EmailConfirmed = true, NomAffiche = Roles.Libelle(role) + " (démo)", CreeLeUtc = maintenant };
            var r = await utilisateurs.CreateAsync(u, MotDePasse);
            if (!r.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
            }
            await utilisateurs.AddToRoleAsync(u, role);
        }
    }
}
