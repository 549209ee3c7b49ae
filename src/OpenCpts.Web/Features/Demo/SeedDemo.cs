using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
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
        services.AddOptionsValidees<OptionsDemo>("OpenCpts:Demo");
        services.AddScoped<SeedDemo>();
        services.AddSingleton<JetonDemoSas>();
        return services;
    }
}

/// <summary>The API token of the demo SAS platform account, known only in the process that loaded the demo (only its
/// hash is stored): printed on the console at that start.</summary>
public sealed class JetonDemoSas
{
    public string? Valeur { get; set; }
}

/// <summary>
/// The demo CPTS du Pays de Bourges: real communes of the Cher, synthetic professionals and
/// structures (invented names), one account per role. Deterministic: same seed, same data.
/// </summary>
public sealed class SeedDemo(
    OpenCptsDb db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles, TimeProvider horloge, MaterialiserCreneaux materialiser,
    JetonsApi jetons, JetonDemoSas jetonDemo)
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
        ("ide@demo.opencpts.fr", Roles.Professionnel),
        ("hopital@demo.opencpts.fr", Roles.Etablissement),
        (EmailCoordinationVierzon, Roles.Coordination),
        (EmailPlateformeSas, Roles.PlateformeSas),
    ];

    /// <summary>The Coordination of the demo's second CPTS (Vierzon Sologne), attached to it only.</summary>
    public const string EmailCoordinationVierzon = "coordination-vierzon@demo.opencpts.fr";

    /// <summary>The SAS platform's account: its API token (created with the demo) is what the SAS would use on /fhir.</summary>

    public const string EmailPlateformeSas = "plateforme-sas@demo.opencpts.fr";

    /// <summary>
    /// Communes of the demo territory: Bourges and the communes around it (INSEE codes checked against
    /// the embedded reference; 124 407 inhabitants with its populations).
    /// </summary>
    public static readonly IReadOnlyList<string> CommunesDemo =
    [
        "18033", // Bourges
        "18205", // Saint-Doulchard
        "18207", // Saint-Florent-sur-Cher
        "18141", // Mehun-sur-Yèvre
        "18213", // Saint-Germain-du-Puy
        "18267", // Trouy
        "18050", // La Chapelle-Saint-Ursin
        "18018", // Avord
        "18223", // Saint-Martin-d'Auxigny
        "18180", // Plaimpied-Givaudins
        "18138", // Marmagne
        "18097", // Fussy
        "18003", // Les Aix-d'Angillon
        "18023", // Baugy
        "18206", // Saint-Éloy-de-Gy
        "18126", // Levet
        "18028", // Berry-Bouy
        "18255", // Le Subdray
        "18158", // Moulins-sur-Yèvre
        "18157", // Morthomiers
        "18247", // Savigny-en-Septaine
        "18218", // Saint-Just
        "18254", // Soye-en-Septaine
        "18008", // Arçay
        "18226", // Saint-Michel-de-Volangis
        "18081", // Crosses
        "18174", // Osmoy
    ];

    /// <summary>Loads the demo when no CPTS exists yet; false when there is already one.</summary>
    public async Task<bool> ChargerSiAbsenteAsync(CancellationToken ct = default)
    {
        // System work: it creates the CPTS, then binds to each in turn.
        db.Perimetre.OuvrirToutes();
        if (await db.Cpts.AnyAsync(ct))
        {
            return false;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var communes = await db.Communes
            .Where(c => CommunesDemo.Contains(c.CodeInsee))
            .Select(c => new { c.CodeInsee, c.Nom, c.CodesPostaux, c.Population })
            .ToListAsync(ct);
        var cpts = new Cpts { Nom = NomCpts, CreeLeUtc = maintenant, Email = "contact@cpts-pays-de-bourges.invalid", Telephone = "0261910000" };
        cpts.Communes.AddRange(communes.Select(c => new CommuneTerritoire { CodeInsee = c.CodeInsee, AjouteeLeUtc = maintenant }));
        db.Cpts.Add(cpts);
        await db.SaveChangesAsync(ct);
        // Everything that follows belongs to the Bourges CPTS unless a generator binds to Vierzon explicitly.
        db.Perimetre.Fixer(cpts.Id);

        var annuaire = GenerateurDemo.Generer(
            [.. communes.Select(c => new CommuneDemo(c.CodeInsee, c.Nom, c.CodesPostaux.Split(',')[0], c.Population))],
            cpts.Id, maintenant);
        // One bulk insert: change detection per entity would dominate the time otherwise.
        var detection = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Structures.AddRange(annuaire.Structures);
            db.Professionnels.AddRange(annuaire.Professionnels);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detection;
        }
        db.ChangeTracker.Clear();
        var parcours = new DemoParcours(cpts.Id, annuaire.Hopital.Id, annuaire.InfirmiereDuCompteDemo.Id, annuaire.MedecinDuCompteDemo.Id, maintenant);
        await GenerateurDemoSnp.ChargerAsync(db, materialiser, cpts.Id, annuaire.MedecinDuCompteDemo.Id, maintenant, ct);
        await GenerateurDemoListeMt.ChargerAsync(db, cpts.Id, CommunesDemo, maintenant, ct);
        await GenerateurDemoMt.ChargerAsync(db, cpts.Id, annuaire.MedecinDuCompteDemo.Id, maintenant, ct);
        await GenerateurDemoProtocoles.ChargerAsync(db, parcours, ct);
        await GenerateurDemoSorties.ChargerAsync(db, parcours, ct);
        await GenerateurDemoDemandes.ChargerAsync(db, parcours, ct);
        var vierzon = await GenerateurDemoVierzon.TrouverAsync(db, ct);
        await GenerateurDemoVierzon.ChargerAsync(db, vierzon, parcours.InfirmiereId, maintenant, ct);
        db.Perimetre.Fixer(cpts.Id);
        await CreerComptesAsync(maintenant, annuaire.MedecinDuCompteDemo.Id, parcours, cpts.Id, vierzon);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task CreerComptesAsync(DateTime maintenant, int professionnelId, DemoParcours parcours, int bourges, int vierzon)
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
            if (role == Roles.Professionnel)
            {
                u.ProfessionnelId = email.StartsWith("ide@", StringComparison.Ordinal) ? parcours.InfirmiereId : professionnelId;
            }
            else if (role == Roles.Etablissement)
            {
                u.StructureId = parcours.HopitalId;
                u.NomAffiche = "Équipe de sortie — Centre hospitalier (démo)";
            }
            else if (role == Roles.PlateformeSas)
            {
                u.NomAffiche = "Plateforme numérique SAS (démo)";
            }
            var r = await utilisateurs.CreateAsync(u, MotDePasse);
            if (!r.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
            }
            await utilisateurs.AddToRoleAsync(u, role);
            // The demo nurse is a member of both CPTS; the Vierzon coordinator of his own only.
            int[] siennes = email == EmailCoordinationVierzon ? [vierzon] : email.StartsWith("ide@", StringComparison.Ordinal) ? [bourges, vierzon] : [bourges];
            db.Set<RattachementCpts>().AddRange(siennes.Select(c => new RattachementCpts { UtilisateurId = u.Id, CptsId = c, RattacheLeUtc = maintenant, RattachePar = "(démo)" }));
            await db.SaveChangesAsync();
            if (role == Roles.PlateformeSas)
            {
                jetonDemo.Valeur = (await jetons.CreerAsync(u.Id, "SAS (démo)")).Valeur;
            }
        }
    }
}
