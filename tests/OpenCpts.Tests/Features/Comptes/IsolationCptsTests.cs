using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Demo;

namespace OpenCpts.Tests.Features.Comptes;

/// <summary>
/// Two CPTS on one instance (the demo: Pays de Bourges and Vierzon Sologne): for every role, every page of the
/// authorization matrix, the id routes, the API lists, the exports and the audit journal, an account of one CPTS sees
/// nothing of the other. "Nothing" is checked with the patient names of each CPTS that appear nowhere else (not in
/// the shared directory, not as a commune, not in the other CPTS), and each check has its positive control: the
/// same account does see its own CPTS's patients where the page lists them.
/// </summary>
public class IsolationCptsTests(DeuxCpts deux) : IClassFixture<DeuxCpts>
{
    private static readonly string[] RolesCpts = [.. Roles.Tous.Where(r => r != Roles.PlateformeSas)];

    public static TheoryData<Fournisseur, string> Lignes()
    {
        var donnees = new TheoryData<Fournisseur, string>();
        foreach (var fournisseur in Enum.GetValues<Fournisseur>())
        {
            foreach (var (url, _) in AutorisationsTests.Pages)
            {
                donnees.Add(fournisseur, url);
            }
        }
        return donnees;
    }

    [Theory, MemberData(nameof(Lignes))]
    public async Task No_page_shows_an_account_anything_of_another_CPTS(Fournisseur fournisseur, string url)
    {
        var p = await deux.PlateformeAsync(fournisseur);

        foreach (var role in AutorisationsTests.Pages.Single(l => l.Url == url).Roles.Intersect(RolesCpts))
        {
            var vierzon = await p.Vierzon[role].GetAsync(url);
            var bourges = await p.Bourges[role].GetAsync(url);

            Assert.True(vierzon.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{role} (Vierzon) on {url}: {(int)vierzon.StatusCode}");
            Assert.True(bourges.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{role} (Bourges) on {url}: {(int)bourges.StatusCode}");
            DeuxCpts.AucunDe(p.MarqueursBourges, await vierzon.Content.ReadAsStringAsync(), $"{role} (Vierzon) on {url}");
            DeuxCpts.AucunDe(p.MarqueursVierzon, await bourges.Content.ReadAsStringAsync(), $"{role} (Bourges) on {url}");
        }
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Each_CPTS_sees_its_own_patients_on_the_regulation_desk_and_the_waiting_list(Fournisseur fournisseur)
    {
        var p = await deux.PlateformeAsync(fournisseur);

        var vierzon = await p.Vierzon[Roles.Coordination].PageAsync("/snp/regulation") + await p.Vierzon[Roles.Coordination].PageAsync("/medecin-traitant");
        var bourges = await p.Bourges[Roles.Coordination].PageAsync("/snp/regulation") + await p.Bourges[Roles.Coordination].PageAsync("/medecin-traitant");

        Assert.Contains(p.MarqueursVierzon, m => vierzon.Contains(m, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(p.MarqueursBourges, m => bourges.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_object_of_another_CPTS_answers_exactly_like_an_unknown_id(Fournisseur fournisseur)
    {
        var p = await deux.PlateformeAsync(fournisseur);
        var app = p.App;
        var ids = await app.AvecDbAsync(async db => new
        {
            DemandeSnp = await db.DemandesSnp.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            Reservation = await db.ReservationsSnp.Where(r => r.CptsId == p.BourgesId).Select(r => r.Id).FirstAsync(),
            DemandeMt = await db.DemandesMedecinTraitant.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            Patient = await db.PatientsParcours.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            Plan = await db.PlansSortie.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            DemandePec = await db.DemandesPriseEnCharge.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            Protocole = await db.Protocoles.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            Modele = await db.ModelesParcours.Where(d => d.CptsId == p.BourgesId).Select(d => d.Id).FirstAsync(),
            VierzonMt = await db.DemandesMedecinTraitant.Where(d => d.CptsId == p.VierzonId).Select(d => d.Id).FirstAsync(),
        });
        const long Inconnu = 987_654;
        (string Connu, string Inconnu)[] routes =
        [
            ($"/snp/regulation/demandes/{ids.DemandeSnp}", $"/snp/regulation/demandes/{Inconnu}"),
            ($"/snp/reservations/{ids.Reservation}", $"/snp/reservations/{Inconnu}"),
            ($"/medecin-traitant/demande/{ids.DemandeMt}", $"/medecin-traitant/demande/{Inconnu}"),
            ($"/parcours/patients/{ids.Patient}", $"/parcours/patients/{Inconnu}"),
            ($"/parcours/patients/{ids.Patient}/inscrire", $"/parcours/patients/{Inconnu}/inscrire"),
            ($"/parcours/sorties/{ids.Plan}", $"/parcours/sorties/{Inconnu}"),
            ($"/parcours/demandes/{ids.DemandePec}", $"/parcours/demandes/{Inconnu}"),
            ($"/parcours/protocoles/{ids.Protocole}", $"/parcours/protocoles/{Inconnu}"),
            ($"/parcours/protocoles/{ids.Protocole}/modifier", $"/parcours/protocoles/{Inconnu}/modifier"),
            ($"/parcours/modeles/{ids.Modele}/modifier", $"/parcours/modeles/{Inconnu}/modifier"),
        ];
        var coordination = p.Vierzon[Roles.Coordination];

        foreach (var (connu, inconnu) in routes)
        {
            var autre = await coordination.GetAsync(connu);
            var absent = await coordination.GetAsync(inconnu);
            Assert.True(autre.StatusCode == absent.StatusCode, $"{connu}: {(int)autre.StatusCode}, an unknown id: {(int)absent.StatusCode}");
            Assert.Equal(HttpStatusCode.NotFound, autre.StatusCode);
        }
        (string Connu, string Inconnu)[] api =
        [
            ($"/api/snp/reservations/{ids.Reservation}", $"/api/snp/reservations/{Inconnu}"),
            ($"/api/parcours/sorties/{ids.Plan}", $"/api/parcours/sorties/{Inconnu}"),
            ($"/api/parcours/demandes/{ids.DemandePec}", $"/api/parcours/demandes/{Inconnu}"),
            ($"/api/parcours/protocoles/{ids.Protocole}", $"/api/parcours/protocoles/{Inconnu}"),
        ];
        foreach (var (connu, inconnu) in api)
        {
            var autre = await ApiAsync(app, p.JetonVierzon, connu);
            var absent = await ApiAsync(app, p.JetonVierzon, inconnu);
            Assert.True(autre.StatusCode == absent.StatusCode, $"{connu}: {(int)autre.StatusCode}, an unknown id: {(int)absent.StatusCode}");
            Assert.Equal(HttpStatusCode.NotFound, autre.StatusCode);
        }
        // Positive control: the protocol is there for the Coordination of its own CPTS.
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(app, p.JetonBourges, api[^1].Connu)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Bourges[Roles.Coordination].GetAsync($"/medecin-traitant/demande/{ids.VierzonMt}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync($"/medecin-traitant/demande/{ids.VierzonMt}")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_api_lists_and_the_exports_of_one_CPTS_hold_nothing_of_the_other(Fournisseur fournisseur)
    {
        var p = await deux.PlateformeAsync(fournisseur);
        string[] api = ["/api/medecin-traitant/demandes?pageSize=200", "/api/medecin-traitant/capacites", "/api/parcours/protocoles"];
        string[] exports = ["/snp/suivi?handler=Csv", "/medecin-traitant/suivi?handler=Csv", "/annuaire/export.csv"];
        string[] classeurs = ["/snp/suivi?handler=Xlsx", "/medecin-traitant/suivi?handler=Xlsx"];

        foreach (var (client, jeton, interdits, qui) in new[]
        {
            (p.Vierzon[Roles.Coordination], p.JetonVierzon, p.MarqueursBourges, "Vierzon"),
            (p.Bourges[Roles.Coordination], p.JetonBourges, p.MarqueursVierzon, "Bourges"),
        })
        {
            foreach (var url in api)
            {
                var reponse = await ApiAsync(p.App, jeton, url);
                Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{qui} {url}: {(int)reponse.StatusCode}");
                DeuxCpts.AucunDe(interdits, await reponse.Content.ReadAsStringAsync(), $"{qui} {url}");
            }
            foreach (var url in exports)
            {
                DeuxCpts.AucunDe(interdits, await client.GetStringAsync(url), $"{qui} {url}");
            }
            foreach (var url in classeurs)
            {
                DeuxCpts.AucunDe(interdits, await TexteClasseurAsync(await client.GetByteArrayAsync(url)), $"{qui} {url}");
            }
        }
        var siennes = await (await ApiAsync(p.App, p.JetonVierzon, "/api/medecin-traitant/demandes?pageSize=200")).Content.ReadAsStringAsync();
        Assert.Contains(p.MarqueursVierzon, m => siennes.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_audit_journal_of_one_CPTS_holds_nothing_of_the_other(Fournisseur fournisseur)
    {
        var p = await deux.PlateformeAsync(fournisseur);
        // Reads that are audited, in each CPTS.
        var patientBourges = await p.App.AvecDbAsync(db => db.PatientsParcours.Where(x => x.CptsId == p.BourgesId).Select(x => x.Id).FirstAsync());
        var mtVierzon = await p.App.AvecDbAsync(db => db.DemandesMedecinTraitant.Where(x => x.CptsId == p.VierzonId).Select(x => x.Id).FirstAsync());
        await p.Bourges[Roles.Coordination].PageAsync($"/parcours/patients/{patientBourges}");
        await p.Vierzon[Roles.Coordination].PageAsync($"/medecin-traitant/demande/{mtVierzon}");

        var vierzon = await p.Vierzon[Roles.Coordination].GetStringAsync("/administration/audit?handler=Csv");
        var bourges = await p.Bourges[Roles.Coordination].GetStringAsync("/administration/audit?handler=Csv");

        Assert.Contains(SeedDemo.EmailCoordinationVierzon, vierzon, StringComparison.Ordinal);
        Assert.DoesNotContain(";coordination@demo.opencpts.fr;", vierzon, StringComparison.Ordinal);
        // Vierzon's journal may hold its own refusals of Bourges ids (typed by its users), never a read of them.
        Assert.DoesNotContain($";Lecture;DossierPatient;{patientBourges}", vierzon, StringComparison.Ordinal);
        Assert.Contains($";Lecture;DossierPatient;{patientBourges}", bourges, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedDemo.EmailCoordinationVierzon, bourges, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_of_two_CPTS_switches_from_one_to_the_other_and_sees_each_in_turn(Fournisseur fournisseur)
    {
        var p = await deux.PlateformeAsync(fournisseur);
        var infirmiere = await p.App.ConnecterAsync("ide@demo.opencpts.fr", SeedDemo.MotDePasse);
        var choix = await infirmiere.PageAsync("/compte/cpts");
        var vierzon = await p.App.AvecDbAsync(db => db.Cpts.Where(c => c.Id == p.VierzonId).Select(c => c.Nom).SingleAsync());

        var bascule = await infirmiere.PosterFormulaireAsync("/compte/cpts", new Dictionary<string, string> { ["cptsId"] = p.VierzonId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var accueil = await infirmiere.PageAsync("/");
        var etrangere = await infirmiere.PosterFormulaireAsync("/compte/cpts", new Dictionary<string, string> { ["cptsId"] = "987654" });

        Assert.Contains(vierzon, choix, StringComparison.Ordinal);
        Assert.Contains(SeedDemo.NomCpts, choix, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, bascule.StatusCode);
        Assert.Contains(vierzon, accueil, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, etrangere.StatusCode);
        // The Vierzon coordinator belongs to Vierzon only: he cannot switch to Bourges.
        var refus = await p.Vierzon[Roles.Coordination].PosterFormulaireAsync("/compte/cpts",
            new Dictionary<string, string> { ["cptsId"] = p.BourgesId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, refus.StatusCode);
        Assert.True(await p.App.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Refus" && e.Ressource == "Cpts"
            && e.RessourceId == p.BourgesId.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Utilisateur == SeedDemo.EmailCoordinationVierzon)));
    }

    private static async Task<HttpResponseMessage> ApiAsync(OpenCptsApp app, string jeton, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, url);
        requete.Headers.Authorization = new("Bearer", jeton);
        return await app.Client().SendAsync(requete);
    }

    private static async Task<string> TexteClasseurAsync(byte[] xlsx)
    {
        await using var flux = new MemoryStream(xlsx);
        await using var zip = new ZipArchive(flux, ZipArchiveMode.Read);
        var texte = new System.Text.StringBuilder();
        foreach (var entree in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var lecteur = new StreamReader(await entree.OpenAsync());
            texte.Append(await lecteur.ReadToEndAsync());
        }
        return texte.ToString();
    }
}

/// <summary>
/// The demo on each provider (two CPTS), with, for every role, a signed-in account of each CPTS: the demo's own
/// accounts for Bourges, accounts attached to Vierzon only (its demo coordinator for the Coordination).
/// </summary>
public sealed class DeuxCpts : IAsyncLifetime
{
    public sealed record Plateforme(
        OpenCptsApp App, int BourgesId, int VierzonId,
        IReadOnlyDictionary<string, HttpClient> Bourges, IReadOnlyDictionary<string, HttpClient> Vierzon,
        string JetonBourges, string JetonVierzon,
        IReadOnlyList<string> MarqueursBourges, IReadOnlyList<string> MarqueursVierzon);

    private readonly UneParFournisseur<Plateforme> _plateformes = new(DemarrerAsync, p => p.App);

    public Task<Plateforme> PlateformeAsync(Fournisseur fournisseur) => _plateformes.ObtenirAsync(fournisseur);

    /// <summary>Fails with the first name of the other CPTS found in the text.</summary>
    public static void AucunDe(IReadOnlyList<string> marqueurs, string texte, string ou)
    {
        var trouve = marqueurs.FirstOrDefault(m => texte.Contains(m, StringComparison.OrdinalIgnoreCase));
        Assert.True(trouve is null, $"{ou} shows {trouve}, a patient of the other CPTS");
    }

    private static async Task<Plateforme> DemarrerAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAvecDemoAsync(fournisseur);
        var (bourges, vierzon) = await app.AvecDbAsync(async db =>
        {
            var ids = await db.Cpts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            return (ids[0], ids[1]);
        });
        var marqueursBourges = await MarqueursAsync(app, bourges, vierzon);
        var marqueursVierzon = await MarqueursAsync(app, vierzon, bourges);

        var clientsBourges = new Dictionary<string, HttpClient>();
        var clientsVierzon = new Dictionary<string, HttpClient>();
        foreach (var (email, role) in SeedDemo.Comptes.Where(c => c.Role != Roles.PlateformeSas && c.Email != SeedDemo.EmailCoordinationVierzon))
        {
            clientsBourges.TryAdd(role, await app.ConnecterAsync(email, SeedDemo.MotDePasse));
        }
        clientsVierzon[Roles.Coordination] = await app.ConnecterAsync(SeedDemo.EmailCoordinationVierzon, SeedDemo.MotDePasse);
        // The demo nurse is a member of both: a professional of Vierzon linked to his directory entry.
        var infirmiere = await app.AvecDbAsync(db => db.Users.Where(u => u.Email == "ide@demo.opencpts.fr").Select(u => u.ProfessionnelId).SingleAsync());
        foreach (var role in Roles.Tous.Where(r => r is not (Roles.PlateformeSas or Roles.Coordination)))
        {
            var compte = await app.CreerUtilisateurAsync(role, u => u.ProfessionnelId = role == Roles.Professionnel ? infirmiere : null, cpts: vierzon);
            clientsVierzon[role] = await app.ConnecterAsync(compte.Email!);
        }
        return new Plateforme(app, bourges, vierzon, clientsBourges, clientsVierzon,
            await app.JetonApiDeCptsAsync(Roles.Coordination, bourges), await app.JetonApiDeCptsAsync(Roles.Coordination, vierzon),
            marqueursBourges, marqueursVierzon);
    }

    /// <summary>
    /// Patient names of a CPTS (unscheduled care, bookings, the médecin-traitant list, pathways) that appear nowhere
    /// else: not in the other CPTS, not in the directory, not as a commune, and long enough not to be a common word;
    /// and the references of its médecin-traitant list.
    /// </summary>
    private static Task<List<string>> MarqueursAsync(OpenCptsApp app, int cpts, int autre) => app.AvecDbAsync(async db =>
    {
        async Task<HashSet<string>> NomsAsync(int id) =>
        [
            .. (await db.DemandesSnp.Where(d => d.CptsId == id).Select(d => d.NomPatient)
                .Concat(db.ReservationsSnp.Where(r => r.CptsId == id).Select(r => r.NomPatient))
                .Concat(db.DemandesMedecinTraitant.Where(d => d.CptsId == id).Select(d => d.Nom))
                .Concat(db.PatientsParcours.Where(x => x.CptsId == id).Select(x => x.Nom))
                .ToListAsync()).Select(n => n.Trim().ToUpperInvariant()),
        ];
        var siens = await NomsAsync(cpts);
        var ailleurs = await NomsAsync(autre);
        // The médecin-traitant references are unique: the API lists show them instead of names.
        var references = await db.DemandesMedecinTraitant.Where(d => d.CptsId == cpts).Select(d => d.Reference).ToListAsync();
        ailleurs.UnionWith((await db.Professionnels.Select(p => p.Nom).ToListAsync()).Select(n => n.ToUpperInvariant()));
        ailleurs.UnionWith((await db.Professionnels.Select(p => p.Prenom).ToListAsync()).Select(n => n.ToUpperInvariant()));
        ailleurs.UnionWith((await db.Structures.Select(s => s.Nom).ToListAsync()).Select(n => n.ToUpperInvariant()));
        var communes = (await db.Communes.Select(c => c.Nom).ToListAsync()).Select(n => n.ToUpperInvariant()).ToList();
        return siens.Where(n => n.Length >= 5 && !ailleurs.Any(a => a.Contains(n, StringComparison.Ordinal))
                && !communes.Any(c => c.Contains(n, StringComparison.Ordinal)))
            .Concat(references).Order(StringComparer.Ordinal).ToList();
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _plateformes.DisposeAsync();
}
