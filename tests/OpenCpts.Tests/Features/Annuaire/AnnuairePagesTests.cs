using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Annuaire;

public class AnnuairePagesTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_search_page_lists_the_matching_professionals(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033", "18205");
        await app.AjouterAsync(new ProfessionnelBuilder("D'ALÈNE-ÉTIÉVANT", "Hélène").Docteur(), new ProfessionnelBuilder("DURAND"));
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        var html = await client.PageAsync("/annuaire?q=dalene");

        Assert.Contains("Dr Hélène D'ALÈNE-ÉTIÉVANT", html);
        Assert.DoesNotContain("DURAND", html);
        Assert.Contains("1</strong> professionnel trouvé", html);
        Assert.Contains("<option value=\"18205\">Saint-Doulchard</option>", html);
        Assert.Contains("href=\"/annuaire/export.csv?q=dalene\"", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_htmx_search_gets_only_the_results_fragment(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterAsync(new ProfessionnelBuilder("FRAGMENT"));
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        using var requete = new HttpRequestMessage(HttpMethod.Get, "/annuaire?q=fragment");
        requete.Headers.Add("HX-Request", "true");

        var reponse = await client.SendAsync(requete);
        var html = await reponse.TexteAsync();

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.DoesNotContain("<html", html);
        Assert.Contains("FRAGMENT", html);
        Assert.Contains("HX-Request", reponse.Headers.Vary);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_structures_tab_searches_structures(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.AjouterStructureAsync("Maison de santé des Tilleuls", "603", "180000001");
        await app.AjouterStructureAsync("Pharmacie du Centre", "620");
        var client = await app.ClientConnecteAsync(Roles.Bureau);

        var html = await client.PageAsync("/annuaire?vue=structures&q=tilleuls");

        Assert.Contains("Maison de santé des Tilleuls", html);
        Assert.Contains("Maison de santé (L.6223-3)", html);
        Assert.DoesNotContain("Pharmacie du Centre", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_professional_page_shows_every_site_and_skill(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var msp = await app.AjouterStructureAsync("MSP du Val d'Auron");
        var pro = new ProfessionnelBuilder("LAMBERT", "Inès").Profession("60").Femme().MembreDe(cpts.Id)
            .ExerceA("18033", "Bourges", "0248112233", structureId: msp)
            .ExerceA("18205", "Saint-Doulchard", mode: "S")
            .Competence("Plaies complexes");
        await app.AjouterAsync(pro);
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        var reponse = await client.GetAsync($"/annuaire/professionnels/{pro.Rpps}");
        var html = await reponse.TexteAsync();

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Inès LAMBERT", html);
        Assert.Contains("Infirmier", html);
        Assert.Contains("Membre de la CPTS depuis le 01/03/2026", html);
        Assert.Contains("href=\"tel:0248112233\">02 48 11 22 33</a>", html);
        Assert.Contains("Libéral", html);
        Assert.Contains("Salarié", html);
        Assert.Contains($"href=\"/annuaire/structures/{msp}\">MSP du Val d'Auron</a>", html);
        Assert.Contains("Plaies complexes", html);
        Assert.DoesNotContain("handler=Adhesion", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_unknown_professional_page_is_not_found(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Coordination);

        var reponse = await client.GetAsync("/annuaire/professionnels/19999999999");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Contains("Page introuvable", await reponse.TexteAsync());
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_structure_page_lists_the_professionals_practising_there(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var ch = await app.AjouterStructureAsync("Centre hospitalier Jacques-Cœur", "355", "180000134", telephone: "0248484848");
        await app.AjouterAsync(new ProfessionnelBuilder("URGENTISTE").ExerceA("18033", "Bourges", structureId: ch), new ProfessionnelBuilder("AILLEURS"));
        var client = await app.ClientConnecteAsync(Roles.Professionnel);

        var html = await client.PageAsync($"/annuaire/structures/{ch}");

        Assert.Contains("Centre Hospitalier (C.H.)", html);
        Assert.Contains("180000134", html);
        Assert.Contains("href=\"tel:0248484848\"", html);
        Assert.Contains("URGENTISTE", html);
        Assert.DoesNotContain("AILLEURS", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/annuaire/structures/999999")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Institutional_readers_are_refused_the_directory(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var pro = new ProfessionnelBuilder("CACHE");
        await app.AjouterAsync(pro);
        var client = await app.ClientConnecteAsync(Roles.LectureInstitutionnelle);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/annuaire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/annuaire/professionnels/{pro.Rpps}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/annuaire/export.csv")).StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_records_a_membership_with_htmx(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var pro = new ProfessionnelBuilder("FUTURMEMBRE");
        await app.AjouterAsync(pro);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var page = $"/annuaire/professionnels/{pro.Rpps}";

        var reponse = await client.PosterHtmxAsync(page, page + "?handler=Adhesion", new Dictionary<string, string> { ["membre"] = "true" });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Membre de la CPTS depuis le 23/11/2026", await reponse.TexteAsync());
        Assert.Equal(1, await app.AvecDbAsync(db => db.Adhesions.CountAsync(a => a.CptsId == cpts.Id)));

        await client.PosterHtmxAsync(page, page + "?handler=Adhesion", new Dictionary<string, string> { ["membre"] = "false" });
        Assert.Equal(0, await app.AvecDbAsync(db => db.Adhesions.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_adds_and_removes_skills_of_a_professional(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var pro = new ProfessionnelBuilder("COMPETENT");
        await app.AjouterAsync(pro);
        var client = await app.ClientConnecteAsync(Roles.Coordination);
        var page = $"/annuaire/professionnels/{pro.Rpps}";

        var ajout = await client.PosterHtmxAsync(page, page + "?handler=Competence", new Dictionary<string, string> { ["libelle"] = "  Sevrage   tabagique " });
        var doublon = await client.PosterHtmxAsync(page, page + "?handler=Competence", new Dictionary<string, string> { ["libelle"] = "sevrage TABAGIQUE" });

        Assert.Contains("Compétence ajoutée.", await ajout.TexteAsync());
        Assert.Contains("déjà déclarée", await doublon.TexteAsync());
        var competence = await app.AvecDbAsync(db => db.Competences.SingleAsync());
        Assert.Equal("Sevrage tabagique", competence.Libelle);

        var retrait = await client.PosterHtmxAsync(page, page + "?handler=RetirerCompetence", new Dictionary<string, string> { ["competenceId"] = competence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Compétence retirée.", await retrait.TexteAsync());
        Assert.Equal(0, await app.AvecDbAsync(db => db.Competences.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_declares_and_removes_his_own_skills(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("MOIMEME").Profession("60"));
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);

        var ajout = await client.PosterFormulaireAsync("/annuaire/moi", new Dictionary<string, string> { ["libelle"] = "ETP diabète" }, action: "/annuaire/moi?handler=Competence");

        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        var competence = await app.AvecDbAsync(db => db.Competences.SingleAsync());
        Assert.Equal((ids[0], "ETP diabète", "etp diabete"), (competence.ProfessionnelId, competence.Libelle, competence.LibelleRecherche));
        Assert.Contains("ETP diabète", await client.PageAsync("/annuaire/moi"));

        var retrait = await client.PosterHtmxAsync("/annuaire/moi", "/annuaire/moi?handler=RetirerCompetence",
            new Dictionary<string, string> { ["competenceId"] = competence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, retrait.StatusCode);
        Assert.Equal(0, await app.AvecDbAsync(db => db.Competences.CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_updates_his_mobile_and_email(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("JOIGNABLE"));
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);

        var invalide = await client.PosterFormulaireAsync("/annuaire/moi", new Dictionary<string, string>
        {
            ["Coordonnees.TelephoneMobile"] = "12",
            ["Coordonnees.Email"] = "pas-un-email",
        }, action: "/annuaire/moi?handler=Coordonnees");
        var valide = await client.PosterFormulaireAsync("/annuaire/moi", new Dictionary<string, string>
        {
            ["Coordonnees.TelephoneMobile"] = "+33 6 12 34 56 78",
            ["Coordonnees.Email"] = "joignable@exemple.invalid",
        }, action: "/annuaire/moi?handler=Coordonnees");

        var html = await invalide.TexteAsync();
        Assert.Equal(HttpStatusCode.OK, invalide.StatusCode);
        Assert.Contains("Numéro de téléphone invalide", html);
        Assert.Contains("Adresse e-mail invalide.", html);
        Assert.Equal(HttpStatusCode.Redirect, valide.StatusCode);
        var pro = await app.AvecDbAsync(db => db.Professionnels.SingleAsync());
        Assert.Equal(("0612345678", "joignable@exemple.invalid"), (pro.TelephoneMobile, pro.Email));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_professional_cannot_change_the_membership_or_skills_of_anyone(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var autre = new ProfessionnelBuilder("AUTRE").Competence("Soins palliatifs");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("MOIMEME"), autre);
        var client = await app.ClientConnecteAsync(Roles.Professionnel, u => u.ProfessionnelId = ids[0]);
        var page = $"/annuaire/professionnels/{autre.Rpps}";
        var competenceAutre = await app.AvecDbAsync(db => db.Competences.Select(c => c.Id).SingleAsync());

        var adhesion = await client.PosterFormulaireAsync("/annuaire/moi", new Dictionary<string, string> { ["membre"] = "true" }, action: page + "?handler=Adhesion");
        var ajout = await client.PosterFormulaireAsync("/annuaire/moi", new Dictionary<string, string> { ["libelle"] = "Intrus" }, action: page + "?handler=Competence");
        var retraitParMaPage = await client.PosterHtmxAsync("/annuaire/moi", "/annuaire/moi?handler=RetirerCompetence",
            new Dictionary<string, string> { ["competenceId"] = competenceAutre.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Forbidden, adhesion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ajout.StatusCode);
        Assert.Contains("n'existe plus", await retraitParMaPage.TexteAsync());
        Assert.Equal(0, await app.AvecDbAsync(db => db.Adhesions.CountAsync()));
        Assert.Equal(["Soins palliatifs"], await app.AvecDbAsync(db => db.Competences.Select(c => c.Libelle).ToListAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_account_without_directory_entry_is_told_so_on_my_entry(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        var reponse = await client.GetAsync("/annuaire/moi");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Contains("relié à aucune fiche", await reponse.TexteAsync());
    }
}
